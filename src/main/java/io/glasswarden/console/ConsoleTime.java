package io.glasswarden.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.quarkus.qute.TemplateExtension;

/** {@code {gw:utc(value)}} in the console's templates: an instant (or its ISO text) as "2026-12-03 10:15 UTC". */
@TemplateExtension(namespace = "gw")
public final class ConsoleTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTime() {
    }

    static String utc(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return MINUTES.format(instant);
        }
        try {
            return MINUTES.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }
}
