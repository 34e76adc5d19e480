package io.glasswarden.readiness;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the insertion-ordered evidence of a finding. Values are kept JSON-friendly: instants become ISO-8601 strings,
 * enums their names, collections lists; nested maps are accepted as they are.
 */
public final class Evidence {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Evidence() {
    }

    public static Evidence of() {
        return new Evidence();
    }

    public static Evidence of(String key, Object value) {
        return new Evidence().put(key, value);
    }

    public Evidence put(String key, Object value) {
        values.put(key, jsonFriendly(value));
        return this;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An ordered map entry list for nested evidence objects: {@code Evidence.entry("id", id, "name", name)}. */
    public static Map<String, Object> entry(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], jsonFriendly(keysAndValues[i + 1]));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object jsonFriendly(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof java.time.LocalDate date) {
            return date.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Evidence::jsonFriendly).toList();
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
