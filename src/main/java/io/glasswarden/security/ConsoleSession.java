package io.glasswarden.security;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in console session: hashes only, never the cookie's token or the API key. */
@Entity
@Table(name = "console_sessions")
public class ConsoleSession {

    @Id
    UUID id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;

    @Column(name = "key_hash", nullable = false, updatable = false)
    String keyHash;

    @Column(name = "csrf_token", nullable = false, updatable = false)
    String csrfToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    protected ConsoleSession() {
        // for JPA
    }

    ConsoleSession(String tokenHash, String keyHash, String csrfToken, Instant now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash;
        this.keyHash = keyHash;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** Alive until its absolute end and while used within the idle timeout. */
    boolean isAliveAt(Instant now, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }
}
