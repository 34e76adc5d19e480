package io.glasswarden.reviews;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.glasswarden.core.ConflictException;
import io.glasswarden.readiness.InventoryFacts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The review after a sign-in acknowledged as EMERGENCY or MISUSE (BG-043). */
@Entity
@Table(name = "post_use_reviews")
public class PostUseReview extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false, updatable = false)
    private UUID accountId;
    @Column(name = "sign_in_id", nullable = false, updatable = false)
    private String signInId;
    @Column(nullable = false, updatable = false)
    private String classification;
    @Column(name = "sign_in_at", nullable = false, updatable = false)
    private Instant signInAt;
    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;
    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;
    @Column(name = "credentials_action")
    private String credentialsAction;
    @Column(name = "credentials_note")
    private String credentialsNote;
    @Column(name = "credentials_by")
    private String credentialsBy;
    @Column(name = "credentials_at")
    private Instant credentialsAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected PostUseReview() {
    }

    PostUseReview(UUID accountId, String signInId, String classification, Instant signInAt, Instant openedAt,
            String openedBy) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.signInId = signInId;
        this.classification = classification;
        this.signInAt = signInAt;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    /** Records the credentials step once; a second record is a conflict (the first stays the evidence). */
    void recordCredentials(String action, String note, String by, Instant at) {
        if (credentialsAt != null) {
            throw new ConflictException("The credentials step of this review was already recorded on "
                    + credentialsAt + ".");
        }
        this.credentialsAction = action;
        this.credentialsNote = note;
        this.credentialsBy = by;
        this.credentialsAt = at;
    }

    void complete(Instant at) {
        this.completedAt = at;
    }

    InventoryFacts.Review facts() {
        return new InventoryFacts.Review(id.toString(), signInId, classification, signInAt, openedAt, credentialsAt);
    }

    UUID id() {
        return id;
    }

    UUID accountId() {
        return accountId;
    }

    String signInId() {
        return signInId;
    }

    String classification() {
        return classification;
    }

    Instant signInAt() {
        return signInAt;
    }

    Instant openedAt() {
        return openedAt;
    }

    String openedBy() {
        return openedBy;
    }

    String credentialsAction() {
        return credentialsAction;
    }

    String credentialsNote() {
        return credentialsNote;
    }

    String credentialsBy() {
        return credentialsBy;
    }

    Instant completedAt() {
        return completedAt;
    }
}
