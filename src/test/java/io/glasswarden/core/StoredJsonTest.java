package io.glasswarden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StoredJsonTest {

    /** As PostgreSQL gives jsonb back: its own key order and spacing. */
    static final String STORED = "{\"status\": \"READY\", \"findings\": [{\"ruleId\": \"BG-010\", \"evidence\": {}}],"
            + " \"accountId\": \"a-1\", \"usableCredentials\": 2}";

    record View(String id, StoredJson readiness) {
    }

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anAnswerCarriesTheStoredTextAsItIs() throws Exception {
        String answer = json.writeValueAsString(new View("x", new StoredJson(STORED)));

        assertThat(answer).isEqualTo("{\"id\":\"x\",\"readiness\":" + STORED + "}");
        assertThat(json.readTree(answer).path("readiness").path("findings").path(0).path("ruleId").asText())
                .isEqualTo("BG-010");
    }

    @Test
    void aTreeHoldsTheParsedObjectNotRawText() {
        // the evidence bundle canonicalises a tree: raw text there would be an opaque value, not JSON
        JsonNode tree = json.valueToTree(new View("x", new StoredJson(STORED)));

        assertThat(tree.path("readiness").isObject()).isTrue();
        assertThat(tree.path("readiness").path("usableCredentials").asInt()).isEqualTo(2);
        assertThat(tree.path("readiness").path("findings").path(0).path("evidence").isObject()).isTrue();
    }

    @Test
    void absentReadinessIsNull() throws Exception {
        assertThat(StoredJson.ofNullable(null)).isNull();
        assertThat(json.writeValueAsString(new View("x", StoredJson.ofNullable(null))))
                .isEqualTo("{\"id\":\"x\",\"readiness\":null}");
        assertThatThrownBy(() -> new StoredJson(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesInStoredOrderAndRoundTripsWhatTheServiceBuilds() {
        assertThat(new StoredJson(STORED).asMap().keySet()).containsExactly("status", "findings", "accountId",
                "usableCredentials");

        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("ruleId", "BG-020");
        finding.put("result", "UNKNOWN");
        Map<String, Object> built = new LinkedHashMap<>();
        built.put("accountId", "a-2");
        built.put("mandatoryMfaReady", false);
        built.put("usableCredentials", 0);
        built.put("findings", List.of(finding));
        StoredJson stored = StoredJson.of(built);

        assertThat(stored.text()).isEqualTo("{\"accountId\":\"a-2\",\"mandatoryMfaReady\":false,"
                + "\"usableCredentials\":0,\"findings\":[{\"ruleId\":\"BG-020\",\"result\":\"UNKNOWN\"}]}");
        assertThat(stored.asMap()).isEqualTo(built);
    }
}
