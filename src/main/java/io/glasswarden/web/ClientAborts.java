package io.glasswarden.web;

import io.vertx.core.http.HttpClosedException;

/**
 * Recognises a request whose client closed the connection before its body was read to the end (a client timeout under
 * load, a closed laptop). Nothing failed in the service and nobody receives the answer: it is not an unexpected error.
 */
final class ClientAborts {

    private ClientAborts() {
    }

    /** Whether {@code failure}, or anything in its cause chain, is the connection closed by the client. */
    static boolean closedMidRequest(Throwable failure) {
        // Bounded: a cause chain can be circular.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
