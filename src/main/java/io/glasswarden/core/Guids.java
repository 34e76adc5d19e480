package io.glasswarden.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** Entra object and tenant ids are GUIDs; we store them in lower case so comparisons are exact. */
public final class Guids {

    public static final String REGEX = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Guids() {
    }

    public static boolean isGuid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    public static String normalize(String guid) {
        return guid == null ? null : guid.toLowerCase(Locale.ROOT);
    }
}
