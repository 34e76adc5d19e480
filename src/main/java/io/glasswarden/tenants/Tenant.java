package io.glasswarden.tenants;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.core.RetirableEntity;

/** An Entra tenant whose emergency accounts Glasswarden watches. Identified in the API by its Entra tenant id. */
@Entity
@Table(name = "tenants")
public class Tenant extends RetirableEntity {

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
    // Written only by the scheduler (TenantRepository.recordScheduleProblem), never by a change of the tenant.
    @Column(name = "schedule_problem", insertable = false, updatable = false)
    private String scheduleProblem;

    protected Tenant() {
    }

    Tenant(String tenantId, TenantChanges changes, Instant now) {
        super(now);
        this.tenantId = tenantId;
        apply(changes, now);
    }

    /** Applies a validated change set; settings are stored with defaults filled in, so reads show what is in force. */
    void apply(TenantChanges changes, Instant now) {
        changed(now);
        this.displayName = changes.displayName().trim();
        this.cloud = changes.cloud() == null ? Cloud.GLOBAL : Cloud.fromWire(changes.cloud());
        this.directory = changes.directory() == null
                ? DirectoryKind.GRAPH
                : DirectoryKind.fromWire(changes.directory());
        this.settings = (changes.settings() == null ? TenantSettings.defaults() : changes.settings()).withDefaults();
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

    /** The settings in force; defaults fill settings added after this tenant was stored. */
    public TenantSettings settings() {
        return settings == null ? null : settings.withDefaults();
    }

    /** Why the tenant's evaluation schedule is not in force as set, or null when it is. */
    public String scheduleProblem() {
        return scheduleProblem;
    }

    @Override
    protected String describe() {
        return "Tenant " + tenantId;
    }
}
