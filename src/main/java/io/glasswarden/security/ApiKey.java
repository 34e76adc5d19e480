package io.glasswarden.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A stored API key: its SHA-256 hash, never the key. Revoked keys stay (for audit) with {@code revokedAt} set.
 */
@Entity
@Table(name = "api_keys")
// Only changed columns are written: a revocation and a lastUsedAt touch must not overwrite each other.
@DynamicUpdate
public class ApiKey {

    // Assigned here, not by a sequence: UUIDs need no database round trip and match api.md's id format.
    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String role;

    String email;

    @Column(nullable = false)
    String prefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    String keyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    String createdBy;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoked_by")
    String revokedBy;

    protected ApiKey() {
        // for JPA
    }

    ApiKey(String name, String role, String email, ApiKeySecret secret, Instant now, String createdBy) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.role = role;
        this.email = email;
        this.prefix = secret.prefix();
        this.keyHash = secret.hash();
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    /** Revokes the key; revoking it again keeps the first revocation's time and author. */
    void revoke(Instant now, String by) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    boolean isActive() {
        return revokedAt == null;
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, role, email, prefix, createdAt, createdBy, lastUsedAt, revokedAt, revokedBy);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String role() {
        return role;
    }

    String email() {
        return email;
    }

    String prefix() {
        return prefix;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }
}
