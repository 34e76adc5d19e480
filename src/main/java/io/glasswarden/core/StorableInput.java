package io.glasswarden.core;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The one set of rules for input that Java reads but PostgreSQL cannot store (issue 9, finding 4): text with a NUL
 * character (PostgreSQL refuses U+0000 in {@code text} and {@code jsonb}) or an unpaired UTF-16 surrogate (not
 * Unicode; it would be stored as '?'), and dates outside the years 0001–9999 (PostgreSQL's timestamps end in 294276,
 * and years beyond four digits are not ISO-8601 as api.md promises). Applied at the boundary: to every JSON string,
 * map key and date the service reads ({@link #module()}, on the application's ObjectMapper and the snapshot reader),
 * to path and query parameters ({@code web.UriInputFilter}) and to the attestation form ({@code FormInput}).
 */
public final class StorableInput {

    /** The first and last instants the API accepts (years 0001 to 9999, UTC). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    static final String TEXT_PROBLEM = "contains a character that cannot be stored (NUL or an unpaired surrogate)";
    static final String DATE_PROBLEM = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private StorableInput() {
    }

    /** Null when the text can be stored as is, else what is wrong with it. */
    public static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return TEXT_PROBLEM;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return TEXT_PROBLEM;
                }
            } else if (Character.isLowSurrogate(c)) {
                return TEXT_PROBLEM;
            }
        }
        return null;
    }

    /** Null when the date or time can be stored, else what is wrong with it. */
    public static String dateProblem(Object value) {
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
            instant = d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) ? DATE_PROBLEM : null;
    }

    /** A Jackson module that refuses what {@link #textProblem} and {@link #dateProblem} refuse, naming the field. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("glasswarden-storable-input");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new Checked(deserializer, true);
                }
                if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                        || type == LocalDateTime.class || type == LocalDate.class) {
                    return new Checked(deserializer, false);
                }
                return deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                    KeyDeserializer deserializer) {
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                        String problem = textProblem(key);
                        if (problem != null) {
                            throw new Refused(context.getParser(), "a property name " + problem);
                        }
                        return deserializer.deserializeKey(key, context);
                    }
                };
            }
        });
        return module;
    }

    /** A value refused by these rules; Jackson adds the path of the field as the exception travels up. */
    public static final class Refused extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser parser, String problem) {
            // a MismatchedInputException, so that Quarkus REST passes it on to our mapper as it is (others it wraps)
            super(parser, problem, (Class<?>) null);
        }

        /** What is wrong, without Jackson's location suffix. */
        public String problem() {
            return getOriginalMessage();
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;
        private final boolean text;

        Checked(JsonDeserializer<?> delegate, boolean text) {
            super(delegate);
            this.text = text;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, text);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String problem = text ? textProblem((String) value) : dateProblem(value);
            if (problem != null) {
                throw new Refused(parser, problem);
            }
            return value;
        }
    }
}
