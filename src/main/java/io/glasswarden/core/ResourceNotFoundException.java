package io.glasswarden.core;

/** An id that does not exist, or that the caller may not see (both answer 404: no existence oracle). */
public class ResourceNotFoundException extends GlasswardenException {

    public ResourceNotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + ".");
    }
}
