package io.glasswarden.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() throws Exception {
        String text = CanonicalJson.write(JSON.readTree("{ \"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"x\" }"));

        assertThat(text).isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("s", "\"\\/\b\f\n\r\t\u0001\u001f\u007f é 😀");

        assertThat(CanonicalJson.write(value))
                .isEqualTo("{\"s\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f é 😀\"}");
    }

    @Test
    void integersArePlainAndOtherNumbersBecomeDecimalStrings() {
        ObjectNode value = JsonNodeFactory.instance.objectNode()
                .put("big", new BigInteger("123456789012345678901234567890"))
                .put("negative", -5)
                .put("half", 0.5)
                .put("tiny", new BigDecimal("1E-7"))
                .put("whole", 2.0);

        assertThat(CanonicalJson.write(value)).isEqualTo(
                "{\"big\":123456789012345678901234567890,\"half\":\"0.5\",\"negative\":-5,\"tiny\":\"0.0000001\","
                        + "\"whole\":\"2\"}");
    }

    @Test
    void keysAreOrderedByCodePointLikePython() {
        // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 unit (Java's default String order).
        assertThat(CanonicalJson.compareCodePoints("\uff5e", "😀")).isNegative();
        assertThat("\uff5e".compareTo("😀")).isPositive();
        assertThat(CanonicalJson.compareCodePoints("a", "ab")).isNegative();
    }

    @Test
    void entryHashCoversEveryField() {
        LedgerEntry entry = new LedgerEntry(3, java.time.Instant.parse("2026-05-02T08:01:17.1234Z"), "TEST", null,
                "s", "ada", "{\"n\":1}", LedgerEntry.GENESIS_HASH, null);

        assertThat(entry.hashInput()).isEqualTo("{\"actor\":\"ada\",\"data\":{\"n\":1},\"previousHash\":\""
                + "0".repeat(64) + "\",\"sequence\":3,\"subjectId\":\"s\",\"tenantId\":null,"
                + "\"timestamp\":\"2026-05-02T08:01:17.123400Z\",\"type\":\"TEST\"}");
        String hash = entry.computeHash();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(new LedgerEntry(3, entry.recordedAt(), "TEST", null, "s", "bob", "{\"n\":1}",
                LedgerEntry.GENESIS_HASH, null).computeHash()).isNotEqualTo(hash);
        assertThat(new LedgerEntry(4, entry.recordedAt(), "TEST", null, "s", "ada", "{\"n\":1}",
                LedgerEntry.GENESIS_HASH, null).computeHash()).isNotEqualTo(hash);
    }
}
