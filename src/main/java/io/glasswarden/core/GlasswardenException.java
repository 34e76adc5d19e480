package io.glasswarden.core;

/**
 * Base of the domain exceptions. They carry no HTTP types; {@code io.glasswarden.web.ProblemMapper} turns each kind
 * into RFC 9457 problem+json. Messages are shown to API clients, so they never contain secrets, SQL or class names.
 */
public abstract class GlasswardenException extends RuntimeException {

    protected GlasswardenException(String message) {
        super(message);
    }
}
