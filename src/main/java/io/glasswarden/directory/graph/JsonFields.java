package io.glasswarden.directory.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant readers for Graph JSON: absent and {@code null} fields read as null or empty. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String lowerText(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(item -> {
                if (!item.isNull()) {
                    out.add(item.asText());
                }
            });
        }
        return List.copyOf(out);
    }

    static List<String> lowerStrings(JsonNode node, String field) {
        return strings(node, field).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** Maps the elements of an array field (or of {@code value} for a collection). */
    static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
        JsonNode v = node == null ? null : node.get(field);
        List<T> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(item -> out.add(mapper.apply(item)));
        }
        return List.copyOf(out);
    }
}
