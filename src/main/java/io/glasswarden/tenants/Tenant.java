package io.glasswarden.tenants;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.LifecycleState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An Entra tenant whose emergency accounts Glasswarden watches. Identified in the API by its Entra tenant id. */
@Entity
@Table(name = "tenants")
public class Tenant extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cloud cloud;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DirectoryKind directory;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private TenantSettings settings;
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

    protected Tenant() {
    }

    Tenant(String tenantId, TenantChanges changes, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.lifecycleState = LifecycleState.ACTIVE;
        this.createdAt = now;
        apply(changes, now);
    }

    /** Applies a validated change set; settings are stored with defaults filled in, so reads show what is in force. */
    void apply(TenantChanges changes, Instant now) {
        requireActive();
        this.displayName = changes.displayName().trim();
        this.cloud = changes.cloud() == null ? Cloud.GLOBAL : changes.cloud();
        this.directory = changes.directory() == null ? DirectoryKind.GRAPH : changes.directory();
        this.settings = (changes.settings() == null ? TenantSettings.defaults() : changes.settings()).withDefaults();
        this.updatedAt = now;
    }

    void retire(Instant now) {
        requireActive();
        this.lifecycleState = LifecycleState.RETIRED;
        this.retiredAt = now;
        this.updatedAt = now;
    }

    private void requireActive() {
        if (lifecycleState == LifecycleState.RETIRED) {
            throw new ConflictException("Tenant " + tenantId + " is retired; retired tenants are kept read-only.");
        }
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String displayName() {
        return displayName;
    }

    public Cloud cloud() {
        return cloud;
    }

    public DirectoryKind directory() {
        return directory;
    }

    public TenantSettings settings() {
        return settings;
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
