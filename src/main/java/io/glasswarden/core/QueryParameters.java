package io.glasswarden.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses query parameters so that a wrong value is a 400 naming the parameter, not JAX-RS's silent 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The {@code lifecycleState} filter of inventory lists: ACTIVE (the default), RETIRED, or ALL (returned as
     * null: no filter).
     */
    public static LifecycleState lifecycleFilter(String raw) {
        if (raw != null && raw.trim().equalsIgnoreCase("ALL")) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            return LifecycleState.ACTIVE;
        }
        try {
            return LifecycleState.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lifecycleState", "must be one of ACTIVE, RETIRED, ALL");
        }
    }

    /** The enum constant named by {@code raw} (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E enumValue(String raw, Class<E> type, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidInputException(parameter, "must be one of " + allowed);
        }
    }
}
