package io.glasswarden.core;

import java.util.Arrays;

/** Strong entity tags derived from an entity's optimistic-lock version, and {@code If-Match} checks against them. */
public final class ETag {

    private ETag() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Throws {@link StaleVersionException} unless {@code ifMatch} is absent, {@code *}, or lists the current tag. Weak
     * tags never match (RFC 9110 strong comparison).
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(current::equals);
        if (!matches) {
            throw new StaleVersionException(current);
        }
    }
}
