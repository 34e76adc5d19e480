package io.glasswarden.drills;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A recorded test sign-in of an emergency account. Only its verification changes, once, from PENDING to settled. */
@Entity
@Table(name = "drills")
public class Drill extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false, updatable = false)
    private UUID accountId;
    @Column(name = "performed_at", nullable = false, updatable = false)
    private Instant performedAt;
    @Column(name = "performed_by", nullable = false, updatable = false)
    private String performedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DrillOutcome outcome;
    @Column(name = "credential_used", updatable = false)
    private String credentialUsed;
    @Column(updatable = false)
    private String notes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DrillVerification verification;
    @Column(name = "matched_sign_in_id")
    private String matchedSignInId;
    @Column(name = "verification_reason")
    private String verificationReason;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected Drill() {
    }

    Drill(UUID accountId, DrillRequest request, String recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        // PostgreSQL keeps microseconds: the drill answered at once is the drill read back later.
        this.performedAt = request.performedAt().truncatedTo(ChronoUnit.MICROS);
        this.performedBy = request.performedBy().trim();
        this.outcome = request.outcome();
        this.credentialUsed = blankToNull(request.credentialUsed());
        this.notes = blankToNull(request.notes());
        this.verification = DrillVerification.PENDING;
        this.recordedBy = recordedBy;
        this.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Settles a PENDING drill ({@code reason} of an UNVERIFIABLE one, else null); false when nothing changed. */
    boolean settle(DrillVerification next, String signInId, String reason, Instant now) {
        if (verification != DrillVerification.PENDING || next == DrillVerification.PENDING) {
            return false;
        }
        this.verification = next;
        this.verificationReason = next == DrillVerification.UNVERIFIABLE ? reason : null;
        this.matchedSignInId = signInId;
        this.verifiedAt = now;
        return true;
    }

    InventoryFacts.Drill facts() {
        return new InventoryFacts.Drill(id.toString(), performedAt, outcome, verification, matchedSignInId,
                verificationReason);
    }

    /** Whether this drill starts a new cycle: it succeeded and the logs did not contradict it. */
    boolean resetsCycle() {
        return outcome == DrillOutcome.SUCCEEDED && verification != DrillVerification.REFUTED;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public Instant performedAt() {
        return performedAt;
    }

    public String performedBy() {
        return performedBy;
    }

    public DrillOutcome outcome() {
        return outcome;
    }

    public String credentialUsed() {
        return credentialUsed;
    }

    public String notes() {
        return notes;
    }

    public DrillVerification verification() {
        return verification;
    }

    public String matchedSignInId() {
        return matchedSignInId;
    }

    /** Why an UNVERIFIABLE drill could not be checked, e.g. {@code logs-expired}; else null. */
    public String verificationReason() {
        return verificationReason;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
