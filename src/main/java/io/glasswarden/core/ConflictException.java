package io.glasswarden.core;

/** The request conflicts with the current state: a duplicate, or an operation the resource's state forbids. */
public class ConflictException extends GlasswardenException {

    public ConflictException(String message) {
        super(message);
    }
}
