package io.glasswarden.core;

import java.util.UUID;

/** Resource ids in paths are UUIDs; anything else names no resource, so it answers 404 like an unknown id. */
public final class ResourceId {

    private ResourceId() {
    }

    /** The UUID in {@code raw}, or {@link ResourceNotFoundException} naming {@code what} (e.g. "webhook"). */
    public static UUID parse(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(what, raw);
        }
    }
}
