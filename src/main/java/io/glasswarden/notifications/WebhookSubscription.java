package io.glasswarden.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A receiver of CloudEvents. Its secret signs every delivery and never leaves the service after creation. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String url;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    private List<String> eventTypes;
    private String description;
    /** The signing secret, encrypted ({@link SecretBox}); plaintext only in rows from before V13 until start-up. */
    @Column(nullable = false)
    private String secret;
    /** After a rotation: the former secret, still signing until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected WebhookSubscription() {
    }

    WebhookSubscription(UUID id, String url, List<String> eventTypes, String description, String storedSecret,
            Instant now, String createdBy) {
        this.id = id;
        this.url = url;
        this.eventTypes = List.copyOf(eventTypes);
        this.description = description;
        this.secret = storedSecret;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    /** Empty means every type; an entry ending in {@code .*} matches types with that prefix. */
    boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.stream()
                .anyMatch(wanted -> wanted.equals(type)
                        || wanted.endsWith(".*") && type.startsWith(wanted.substring(0, wanted.length() - 1)));
    }

    UUID id() {
        return id;
    }

    String url() {
        return url;
    }

    String storedSecret() {
        return secret;
    }

    String storedPreviousSecret() {
        return previousSecret;
    }

    /** The former secret while it still signs, else null. */
    String storedPreviousSecret(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecret
                : null;
    }

    Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    void storeSecret(String stored) {
        this.secret = stored;
    }

    void storePreviousSecret(String stored) {
        this.previousSecret = stored;
    }

    /** A new secret signs from now on; the current one keeps signing (as well) until {@code until}. */
    void rotate(String newStored, String currentResealed, Instant until) {
        this.previousSecret = currentResealed;
        this.previousSecretUntil = until;
        this.secret = newStored;
    }

    WebhookView view() {
        return new WebhookView(id, url, eventTypes, description, createdAt, createdBy);
    }
}
