package io.glasswarden.attestations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A statement by a custodian or an operator about an account. Append-only: never updated, never deleted. */
@Entity
@Immutable
@Table(name = "attestations")
public class Attestation extends PanacheEntityBase {

    /** How the attestation reached us. */
    public enum Channel {
        API, LINK
    }

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false)
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttestationKind kind;
    @Column(name = "attested_by", nullable = false)
    private String attestedBy;
    @Column(nullable = false)
    private String statement;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "keys_sighted", nullable = false)
    private List<String> keysSighted;
    @Enumerated(EnumType.STRING)
    @Column(name = "via", nullable = false)
    private Channel channel;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;
    @Column(name = "attested_at", nullable = false)
    private Instant attestedAt;

    protected Attestation() {
    }

    Attestation(UUID accountId, AttestationRequest request, Channel channel, String recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.kind = request.kind();
        this.attestedBy = request.attestedBy().trim();
        this.statement = request.statement().trim();
        this.keysSighted = request.keysSighted() == null
                ? List.of()
                : request.keysSighted().stream().map(String::trim).distinct().toList();
        this.channel = channel;
        this.recordedBy = recordedBy;
        this.attestedAt = now;
    }

    InventoryFacts.Attestation facts() {
        return new InventoryFacts.Attestation(kind, attestedAt);
    }

    AttestationView view(String tenantId) {
        return new AttestationView(id, tenantId, accountId, kind, attestedBy, statement, keysSighted, channel,
                recordedBy, attestedAt);
    }

    public UUID id() {
        return id;
    }

    public AttestationKind kind() {
        return kind;
    }

    public Instant attestedAt() {
        return attestedAt;
    }

    public String attestedBy() {
        return attestedBy;
    }
}
