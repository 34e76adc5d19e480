package io.glasswarden.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Console sessions opened with an API key (or the bootstrap key). The session identity is the key's identity, found
 * again on every request through the same lookup as a bearer key: the console has no authorisation path of its own,
 * and a revoked key ends its sessions at once.
 */
@ApplicationScoped
public class ConsoleSessions implements PanacheRepositoryBase<ConsoleSession, java.util.UUID> {

    /** A session ends this long after sign-in, however busy. */
    static final Duration LIFETIME = Duration.ofHours(8);
    /** A session ends after this long without a request. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyVerifier verifier;
    private final BootstrapKey bootstrapKey;
    private final Clock clock;

    ConsoleSessions(ApiKeyVerifier verifier, BootstrapKey bootstrapKey, Clock clock) {
        this.verifier = verifier;
        this.bootstrapKey = bootstrapKey;
        this.clock = clock;
    }

    /** A new session: the cookie's token (shown to the browser only) and the session's CSRF token. */
    public record Opened(String token, String csrfToken) {
    }

    /** Opens a session for a valid key; empty for an unknown, revoked or malformed one. */
    @Transactional
    public Optional<Opened> open(String apiKey) {
        String key = apiKey == null ? "" : apiKey.trim();
        boolean valid = bootstrapKey.matches(key)
                || (ApiKeySecret.isWellFormed(key) && verifier.verify(key).isPresent());
        if (!valid) {
            return Optional.empty();
        }
        deleteExpired();
        String token = randomToken();
        String csrf = randomToken();
        persist(new ConsoleSession(hash(token), ApiKeySecret.hashOf(key), csrf, clock.instant(), LIFETIME));
        return Optional.of(new Opened(token, csrf));
    }

    /** The session's key, still active, for a cookie token; empty when signed out, expired or revoked. */
    @Transactional
    Optional<SessionKey> keyOf(String token) {
        Instant now = clock.instant();
        Optional<ConsoleSession> session = alive(token, now);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSession found = session.get();
        if (found.lastSeenAt.isBefore(now.minus(LAST_SEEN_PRECISION))) {
            found.lastSeenAt = now;
        }
        if (bootstrapKey.matchesHash(found.keyHash)) {
            return Optional.of(new SessionKey(null, found.csrfToken));
        }
        return verifier.verifyHash(found.keyHash).map(key -> new SessionKey(key, found.csrfToken));
    }

    /** What a live session stands for: an API key (null for the bootstrap key) and its CSRF token. */
    record SessionKey(ApiKeyVerifier.VerifiedKey key, String csrfToken) {
    }

    /** True when {@code submitted} is the CSRF token of the live session {@code token}. */
    @Transactional
    public boolean csrfMatches(String token, String submitted) {
        return submitted != null && alive(token, clock.instant())
                .map(s -> MessageDigest.isEqual(s.csrfToken.getBytes(StandardCharsets.UTF_8),
                        submitted.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The CSRF token of a live session, for the forms of a page. */
    @Transactional
    public Optional<String> csrfToken(String token) {
        return alive(token, clock.instant()).map(s -> s.csrfToken);
    }

    @Transactional
    public void close(String token) {
        if (token != null) {
            delete("tokenHash", hash(token));
        }
    }

    private Optional<ConsoleSession> alive(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return find("tokenHash", hash(token)).firstResultOptional().filter(s -> s.isAliveAt(now, IDLE_TIMEOUT));
    }

    private void deleteExpired() {
        Instant now = clock.instant();
        delete("expiresAt < ?1 or lastSeenAt < ?2", now, now.minus(IDLE_TIMEOUT));
    }

    private static String hash(String token) {
        return ApiKeySecret.hashOf(token);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
