package io.glasswarden.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One link of the hash chain as stored: {@code data} is the canonical JSON text of the event's data. The hash is the
 * hex SHA-256 of the canonical JSON of all other fields (see {@link #hashInput()} and docs/ledger.md).
 */
public record LedgerEntry(long sequence, Instant recordedAt, String type, String tenantId, String subjectId,
        String actor, String data, String previousHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Timestamps are hashed in UTC with exactly six fraction digits (the database keeps microseconds). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The timestamp exactly as hashed, e.g. {@code 2026-05-02T08:01:17.123456Z}. */
    public String timestamp() {
        return TIMESTAMP.format(recordedAt);
    }

    /**
     * The text that is hashed: canonical JSON of {@code actor, data, previousHash, sequence, subjectId, tenantId,
     * timestamp, type}, where {@code data} is the parsed data object (so it appears once, canonically).
     */
    public String hashInput() {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("sequence", sequence);
        envelope.put("timestamp", timestamp());
        envelope.put("type", type);
        envelope.put("tenantId", tenantId);
        envelope.put("subjectId", subjectId);
        envelope.put("actor", actor);
        envelope.set("data", LedgerData.parse(data));
        envelope.put("previousHash", previousHash);
        return CanonicalJson.write(envelope);
    }

    /** The hash this entry should carry, recomputed from its content. */
    public String computeHash() {
        return sha256Hex(hashInput());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
