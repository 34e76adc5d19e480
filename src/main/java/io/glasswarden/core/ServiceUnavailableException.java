package io.glasswarden.core;

/** A dependency (database, directory, mail server) is down; the client may retry later. */
public class ServiceUnavailableException extends GlasswardenException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
