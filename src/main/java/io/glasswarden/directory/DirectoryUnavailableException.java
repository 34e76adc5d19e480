package io.glasswarden.directory;

/** Nothing could be read from the directory (no token, unreachable endpoint). The message is safe to show. */
public class DirectoryUnavailableException extends RuntimeException {
    private final UnknownReason reason;

    public DirectoryUnavailableException(UnknownReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public UnknownReason reason() {
        return reason;
    }
}
