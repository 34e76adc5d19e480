package io.glasswarden.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.Guids;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.tenants.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An emergency access account of a tenant, with its custodians and physical keys, and its latest readiness. */
@Entity
@Table(name = "accounts")
public class EmergencyAccount extends PanacheEntityBase {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_ref", nullable = false, updatable = false)
    private Tenant tenant;
    @Column(name = "user_principal_name")
    private String userPrincipalName;
    @Column(name = "object_id")
    private String objectId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "expects_certificate_auth", nullable = false)
    private boolean expectsCertificateAuth;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Custodian> custodians;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "custodian_emails", nullable = false)
    private String[] custodianEmails;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "physical_keys", nullable = false)
    private List<PhysicalKey> keys;
    private String notes;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_state", nullable = false)
    private LifecycleState lifecycleState;
    @Column(name = "readiness_status")
    private String readinessStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> readiness;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Version
    private long version;

    protected EmergencyAccount() {
    }

    EmergencyAccount(Tenant tenant, AccountChanges changes, Instant now) {
        this.id = UUID.randomUUID();
        this.tenant = tenant;
        this.lifecycleState = LifecycleState.ACTIVE;
        this.createdAt = now;
        apply(changes, now);
    }

    void apply(AccountChanges changes, Instant now) {
        requireActive();
        this.userPrincipalName = blankToNull(changes.userPrincipalName());
        this.objectId = Guids.normalize(blankToNull(changes.objectId()));
        this.displayName = blankToNull(changes.displayName());
        this.expectsCertificateAuth = Boolean.TRUE.equals(changes.expectsCertificateAuth());
        this.custodians = changes.custodians() == null
                ? List.of()
                : changes.custodians().stream().map(Custodian::normalized).toList();
        this.custodianEmails = custodians.stream().map(Custodian::email).distinct().toArray(String[]::new);
        this.keys = changes.keys() == null ? List.of() : List.copyOf(changes.keys());
        this.notes = blankToNull(changes.notes());
        this.updatedAt = now;
    }

    void retire(Instant now) {
        requireActive();
        this.lifecycleState = LifecycleState.RETIRED;
        this.retiredAt = now;
        this.updatedAt = now;
    }

    /** Stores the latest readiness; it is part of the representation, so the ETag changes with it. */
    void recordReadiness(String status, Map<String, Object> readiness) {
        this.readinessStatus = status;
        this.readiness = readiness;
    }

    private void requireActive() {
        if (lifecycleState == LifecycleState.RETIRED) {
            throw new ConflictException("Account " + id + " is retired; retired accounts are kept read-only.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String objectId() {
        return objectId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean expectsCertificateAuth() {
        return expectsCertificateAuth;
    }

    public List<Custodian> custodians() {
        return custodians;
    }

    public List<PhysicalKey> keys() {
        return keys;
    }

    public String notes() {
        return notes;
    }

    public LifecycleState lifecycleState() {
        return lifecycleState;
    }

    public boolean isActive() {
        return lifecycleState == LifecycleState.ACTIVE;
    }

    public String readinessStatus() {
        return readinessStatus;
    }

    public Map<String, Object> readiness() {
        return readiness;
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

    public boolean hasCustodian(String email) {
        return email != null && custodians.stream().anyMatch(c -> c.email().equalsIgnoreCase(email));
    }
}
