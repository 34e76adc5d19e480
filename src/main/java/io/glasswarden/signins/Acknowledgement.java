package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's review of a sign-in (BG-042) or of a newly registered authentication method (BG-062). Never changed. */
@Entity
@Table(name = "acknowledgements")
public class Acknowledgement extends PanacheEntityBase {

    /** What was reviewed. */
    public enum Subject {
        SIGN_IN, METHOD
    }

    /** What the reviewer found the sign-in (or method) to be. */
    public enum Classification {
        DRILL, EMERGENCY, MISUSE
    }

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false, updatable = false)
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, updatable = false)
    private Subject subject;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Classification classification;
    @Column(updatable = false)
    private String note;
    @Column(name = "acknowledged_by", nullable = false, updatable = false)
    private String acknowledgedBy;
    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    private Instant acknowledgedAt;

    protected Acknowledgement() {
    }

    Acknowledgement(UUID accountId, Subject subject, String subjectId, AcknowledgementRequest request, String by,
            Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.subject = subject;
        this.subjectId = subjectId;
        this.classification = request.classification();
        this.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        this.acknowledgedBy = by;
        this.acknowledgedAt = now;
    }

    AcknowledgementView view(String tenantId) {
        return new AcknowledgementView(id, tenantId, accountId, subject, subjectId, classification, note,
                acknowledgedBy, acknowledgedAt);
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String subjectId() {
        return subjectId;
    }
}
