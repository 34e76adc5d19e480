package io.glasswarden.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated page request: {@code page} ≥ 0 and {@code size} 1–100 (api.md), and a page whose offset
 * ({@code page × size}) fits the database queries (below 2^31).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    /**
     * Validates the raw query parameters (strings, so that {@code ?size=abc} is a clear 400 rather than JAX-RS's 404
     * for unconvertible parameters); null means the default.
     */
    public static PageRequest of(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = parse(page, 0, "page", errors);
        int s = parse(size, DEFAULT_SIZE, "size", errors);
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        } else if (p > maxPage(s)) {
            // page × size is the offset of the query: it must fit in an int (Panache, Hibernate) to mean anything
            errors.add(new FieldError("page", "must be at most " + maxPage(s) + " with size " + s));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PageRequest(p, s);
    }

    /** The largest page whose first item's offset (page × size) is still a valid int. */
    static int maxPage(int size) {
        return Integer.MAX_VALUE / size;
    }

    private static int parse(String raw, int fallback, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return fallback;
        }
    }
}
