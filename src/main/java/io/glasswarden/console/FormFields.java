package io.glasswarden.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.glasswarden.core.InvalidInputException;

/** Form fields as the console's forms send them, turned into the values the API's requests take. */
final class FormFields {

    private FormFields() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not one of the offered choices");
        }
    }

    /** One non-blank line per item of a textarea (e.g. the labels of the keys sighted). */
    static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    static Instant instant(String value) {
        try {
            // <input type="datetime-local"> sends 2026-12-03T10:15 without a zone: the console works in UTC.
            return value.length() <= 19 && !value.endsWith("Z")
                    ? LocalDateTime.parse(value).toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException("performedAt", "must be a date and time (UTC)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
