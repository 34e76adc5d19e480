package io.glasswarden.core;

/**
 * Makes a value that came from outside (a setting, a path, a name) safe to put in a log line: quoted, with control
 * characters, quotes and Unicode line separators escaped, so that a value cannot start a forged log line (CWE-117).
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** The value in double quotes with {@code \n}, {@code \r}, {@code \t}, other controls and separators escaped. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
