package io.glasswarden.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * A JSON object kept as the text a {@code jsonb} column holds: written into answers as it is, and parsed only by code
 * that reads inside it. An account's readiness is some 18 KB; held as a map, every load parsed it, Hibernate copied
 * it (serialising and parsing again) to detect changes, and every answer serialised it once more.
 */
@JsonSerialize(using = StoredJson.Writer.class)
@Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "A JSON object (for an"
        + " account: the readiness object of the API description, docs/api.md)")
public record StoredJson(@Schema(hidden = true) String text) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    public StoredJson {
        if (text == null) {
            throw new IllegalArgumentException("no JSON text");
        }
    }

    /** The stored text as a value, or null for a null column. */
    public static StoredJson ofNullable(String text) {
        return text == null ? null : new StoredJson(text);
    }

    /** A JSON object built by the service (plain maps, lists, strings, numbers, booleans), as text to store. */
    public static StoredJson of(Map<String, Object> object) {
        try {
            return new StoredJson(MAPPER.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not storable as JSON", e);
        }
    }

    /** The object, parsed (keys in stored order). */
    public Map<String, Object> asMap() {
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not parse", e);
        }
    }

    /**
     * Writes the text as it is into a streamed answer; into a tree being built (Jackson's {@code valueToTree}, as the
     * evidence bundle does to canonicalise it) it writes the parsed object, so the tree holds JSON and not raw text.
     */
    static final class Writer extends StdSerializer<StoredJson> {

        Writer() {
            super(StoredJson.class);
        }

        @Override
        public void serialize(StoredJson value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof TokenBuffer) {
                gen.writeTree(MAPPER.readTree(value.text()));
            } else {
                gen.writeRawValue(value.text());
            }
        }
    }
}
