package io.glasswarden.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads the stored canonical data text back as JSON; a row whose data is not JSON is reported, not thrown. */
final class LedgerData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerData() {
    }

    static JsonNode parse(String data) {
        try {
            return data == null ? JsonNodeFactory.instance.nullNode() : MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            // Tampered or corrupt data: hash the raw text, so that verify reports a hash mismatch for this entry.
            return JsonNodeFactory.instance.textNode(data);
        }
    }
}
