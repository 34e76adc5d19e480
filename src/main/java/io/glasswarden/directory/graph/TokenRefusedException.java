package io.glasswarden.directory.graph;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.TokenStatus;
import io.glasswarden.directory.UnknownReason;

/** No token for the tenant: the message says why in words (as the connection check does) and names the consent URL. */
final class TokenRefusedException extends DirectoryUnavailableException {

    private final transient TokenStatus status;

    TokenRefusedException(TokenStatus status, String message, Throwable cause) {
        super(UnknownReason.GRAPH_ERROR, message, cause);
        this.status = status;
    }

    TokenStatus status() {
        return status;
    }
}
