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
    @Column(nullable = false)
    private String secret;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String url, List<String> eventTypes, String description, String secret, Instant now,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.url = url;
        this.eventTypes = List.copyOf(eventTypes);
        this.description = description;
        this.secret = secret;
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

    String secret() {
        return secret;
    }

    WebhookView view() {
        return new WebhookView(id, url, eventTypes, description, createdAt, createdBy);
    }
}
