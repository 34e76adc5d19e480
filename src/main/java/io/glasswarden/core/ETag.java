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

    /**
     * Whether {@code ifNoneMatch} names the representation tagged {@code tag} (or is {@code *}), so that a GET answers
     * 304 Not Modified. Weak comparison, as RFC 9110 section 13.1.2 requires for {@code If-None-Match}.
     */
    public static boolean noneMatchFails(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(opaque::equals);
    }
}
