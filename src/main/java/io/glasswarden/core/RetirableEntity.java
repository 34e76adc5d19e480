package io.glasswarden.core;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An inventory item that is retired, never deleted: auditors need its history. Owns the lifecycle invariants (a
 * retired item refuses changes) and the optimistic-lock version behind the API's ETags.
 */
@MappedSuperclass
public abstract class RetirableEntity extends PanacheEntityBase {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_state", nullable = false)
    private LifecycleState lifecycleState;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Version
    private long version;

    protected RetirableEntity() {
    }

    protected RetirableEntity(Instant now) {
        this.id = UUID.randomUUID();
        this.lifecycleState = LifecycleState.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** How the item is named in messages, e.g. "Tenant 8a7d…". */
    protected abstract String describe();

    /** Marks a change; refuses it when the item is retired. */
    protected void changed(Instant now) {
        requireActive();
        this.updatedAt = now;
    }

    public void retire(Instant now) {
        changed(now);
        this.lifecycleState = LifecycleState.RETIRED;
        this.retiredAt = now;
    }

    private void requireActive() {
        if (lifecycleState == LifecycleState.RETIRED) {
            throw new ConflictException(describe() + " is retired; retired items are kept read-only.");
        }
    }

    public UUID id() {
        return id;
    }

    public LifecycleState lifecycleState() {
        return lifecycleState;
    }

    public boolean isActive() {
        return lifecycleState == LifecycleState.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public long version() {
        return version;
    }
}
