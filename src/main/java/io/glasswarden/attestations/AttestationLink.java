package io.glasswarden.attestations;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An attestation link sent to a custodian: its id is in the signed token; it is accepted once, before expiry. */
@Entity
@Table(name = "attestation_links")
public class AttestationLink extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false, updatable = false)
    private UUID accountId;
    @Column(nullable = false, updatable = false)
    private String custodian;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected AttestationLink() {
    }

    AttestationLink(UUID accountId, String custodian, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.custodian = custodian;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID accountId() {
        return accountId;
    }

    String custodian() {
        return custodian;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant usedAt() {
        return usedAt;
    }
}
