package io.glasswarden.core;

/** An {@code If-Match} that does not match the resource's current ETag: someone changed it in between. */
public class StaleVersionException extends GlasswardenException {

    public StaleVersionException(String currentETag) {
        super("The resource was changed since you read it (current ETag " + currentETag
                + "). Read it again and retry.");
    }
}
