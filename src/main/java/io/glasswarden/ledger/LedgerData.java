package io.glasswarden.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the stored data text back as JSON, exactly as it was hashed. The ledger stores the canonical JSON text of the
 * data; text that is anything else (not JSON, bytes appended after the value, other whitespace, key order or
 * escaping, duplicate keys) is returned as a JSON string of the raw text, so that the recomputed hash differs and both
 * verify and the offline verifier report the entry: the stored text is checked byte for byte, never re-formatted.
 */
final class LedgerData {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LedgerData() {
    }

    static JsonNode parse(String data) {
        if (data == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode value = MAPPER.readTree(data);
            if (value != null && data.equals(CanonicalJson.write(value))) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // not JSON at all: tampered or corrupt
        }
        return JsonNodeFactory.instance.textNode(data);
    }
}
