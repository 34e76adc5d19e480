package io.glasswarden.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The exact bytes an entry's hash covers (docs/ledger.md), pinned against values computed outside Glasswarden with
 * Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and
 * {@code hashlib.sha256}: a change to what is hashed would orphan every stored chain, so it must fail here.
 */
class LedgerEntryTest {
    private static final Instant AT = Instant.parse("2026-05-02T08:01:17.123456Z");
    private static final String DATA = "{\"displayName\":\"Zürich \\\"Nord\\\"\\n\"}";

    private static LedgerEntry entry(String data) {
        return new LedgerEntry(1, AT, "TENANT_CREATED", "t-1", "s-1", "pipeline", data, LedgerEntry.GENESIS_HASH,
                null);
    }

    @Test
    void theHashInputAndHashOfAFixedEntryArePinned() {
        LedgerEntry entry = entry(DATA);

        assertThat(entry.timestamp()).isEqualTo("2026-05-02T08:01:17.123456Z");
        assertThat(entry.hashInput()).isEqualTo("{\"actor\":\"pipeline\",\"data\":" + DATA + ",\"previousHash\":\""
                + "0".repeat(64) + "\",\"sequence\":1,\"subjectId\":\"s-1\",\"tenantId\":\"t-1\",\"timestamp\":"
                + "\"2026-05-02T08:01:17.123456Z\",\"type\":\"TENANT_CREATED\"}");
        assertThat(entry.computeHash()).isEqualTo("a4fdc6e11793987306038dd7808f530d2b6a35e091cf55343e70f67308da0c18");
    }

    @Test
    void absentDataIsHashedAsNull() {
        assertThat(entry(null).computeHash())
                .isEqualTo("3ddb16b184484995826341415765633a5da5234fa2d58d01e2b33567056e23d6");
    }

    @Test
    void storedTextThatIsNotExactlyCanonicalIsHashedAsAPlainString() {
        for (String tampered : new String[]{DATA + " ", DATA + "{}", "{\"displayName\": \"Zürich \\\"Nord\\\"\\n\"}",
                "not json"}) {
            LedgerEntry entry = entry(tampered);

            assertThat(LedgerData.parse(tampered).isTextual()).as(tampered).isTrue();
            assertThat(entry.hashInput()).as(tampered).contains("\"data\":\"");
            assertThat(entry.computeHash()).as(tampered)
                    .isNotEqualTo("a4fdc6e11793987306038dd7808f530d2b6a35e091cf55343e70f67308da0c18");
        }
        assertThat(LedgerData.parse(DATA).isObject()).isTrue();
    }
}
