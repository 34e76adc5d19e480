package io.glasswarden.directory.snapshot;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.glasswarden.core.FieldError;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.JsonPaths;
import io.glasswarden.core.StorableInput;
import io.glasswarden.directory.MethodKind;

/**
 * Reads and writes snapshot JSON. Strict on input (unknown properties, wrong types and missing facts are errors naming
 * the field), so that a snapshot is either fully understood or refused.
 */
public final class SnapshotFormat {

    private static final ObjectMapper STRICT = mapper(true);
    private static final ObjectMapper LENIENT = mapper(false);

    private SnapshotFormat() {
    }

    /** Parses and validates an uploaded snapshot; throws {@link InvalidInputException} naming every problem found. */
    public static SnapshotDocument parse(String json, String expectedTenantId) {
        SnapshotDocument document;
        try {
            document = STRICT.readValue(json, SnapshotDocument.class);
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw new InvalidInputException("$", "has a duplicate property (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            }
            throw new InvalidInputException("$", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(field(e), "unknown property");
        } catch (StorableInput.Refused e) {
            throw new InvalidInputException(field(e), e.problem());
        } catch (JsonMappingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new InvalidInputException(field(e), "has a duplicate property: "
                        + e.getOriginalMessage().replace("Duplicate field", "").trim());
            }
            throw new InvalidInputException(field(e), e.getPath().isEmpty()
                    ? "must be a JSON object"
                    : "has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("$", "is not valid JSON");
        }
        if (document == null) {
            throw new InvalidInputException("$", "must be a JSON object");
        }
        new SnapshotValidator(expectedTenantId).requireValid(document);
        return document;
    }

    /** Reads a snapshot stored earlier (validated on upload; properties added by newer versions are ignored). */
    public static SnapshotDocument read(String json) {
        try {
            return LENIENT.readValue(json, SnapshotDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is unreadable", e);
        }
    }

    /** The snapshot as a JSON tree of maps and lists, for a JSON column. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> toMap(SnapshotDocument document) {
        return LENIENT.convertValue(document, java.util.Map.class);
    }

    public static SnapshotDocument fromMap(java.util.Map<String, Object> map) {
        return LENIENT.convertValue(map, SnapshotDocument.class);
    }

    public static String write(SnapshotDocument document) {
        try {
            return LENIENT.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot cannot be written", e);
        }
    }

    private static String field(JsonMappingException e) {
        String path = JsonPaths.of(e.getPath());
        return path.isEmpty() ? "$" : path;
    }

    private static ObjectMapper mapper(boolean strict) {
        SimpleModule kinds = new SimpleModule("snapshot-method-kinds");
        kinds.addSerializer(MethodKind.class, new JsonSerializer<>() {
            @Override
            public void serialize(MethodKind kind, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(kind.wireName());
            }
        });
        kinds.addDeserializer(MethodKind.class, new JsonDeserializer<>() {
            @Override
            public MethodKind deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                for (MethodKind kind : MethodKind.values()) {
                    if (kind.wireName().equals(text) || kind.name().equals(text)) {
                        return kind;
                    }
                }
                throw JsonMappingException.from(parser, "unknown method kind " + text);
            }
        });
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(kinds);
        if (strict) {
            // uploads are stored in PostgreSQL: refuse NUL characters and unstorable dates, naming the field
            mapper.registerModule(StorableInput.module());
        }
        return mapper
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, strict)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, strict)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, strict);
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }
}
