package io.glasswarden.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Looks a presented key up by its hash on every request. There is deliberately no cache: a revocation (on any
 * instance) must refuse the key from the next request on, and an indexed lookup is cheap.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    /** lastUsedAt is precise to this much: a busy key writes at most once per interval. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyVerifier(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What authentication needs of a valid key; no entity leaves the transaction. */
    record VerifiedKey(UUID id, String name, String role, String email) {
    }

    // The index lookup is not constant-time, but what its timing could reveal is about the hash of the presented
    // token, which tells an attacker nothing about any stored key.
    @Transactional
    Optional<VerifiedKey> verify(String presented) {
        return verifyHash(ApiKeySecret.hashOf(presented));
    }

    /** As {@link #verify}, for a key known by its hash (a console session keeps only the hash). */
    @Transactional
    Optional<VerifiedKey> verifyHash(String keyHash) {
        Optional<ApiKey> found = keys.findActiveByHash(keyHash);
        found.ifPresent(this::recordUse);
        return found.map(key -> new VerifiedKey(key.id(), key.name(), key.role(), key.email()));
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(LAST_USED_PRECISION);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(staleBefore)) {
            keys.touch(key.id(), now, staleBefore);
        }
    }
}
