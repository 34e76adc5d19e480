package io.glasswarden.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.core.Guids;
import io.glasswarden.core.RetirableEntity;
import io.glasswarden.core.StoredJson;
import io.glasswarden.security.Caller;
import io.glasswarden.tenants.Tenant;

/** An emergency access account of a tenant, with its custodians and physical keys, and its latest readiness. */
@Entity
@Table(name = "accounts")
public class EmergencyAccount extends RetirableEntity {

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
    /** {@code <tid>/<oid>} of custodians whose Entra identity is known: how OIDC callers are matched. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "custodian_entra_ids", nullable = false)
    private String[] custodianEntraIds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "physical_keys", nullable = false)
    private List<PhysicalKey> keys;
    private String notes;
    @Column(name = "readiness_status")
    private String readinessStatus;
    /** The readiness object of api.md as stored ({@link StoredJson}): served as it is, parsed only where read. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String readiness;

    protected EmergencyAccount() {
    }

    EmergencyAccount(Tenant tenant, AccountChanges changes, Instant now) {
        super(now);
        this.tenant = tenant;
        apply(changes, now);
    }

    void apply(AccountChanges changes, Instant now) {
        changed(now);
        this.userPrincipalName = blankToNull(changes.userPrincipalName());
        this.objectId = Guids.normalize(blankToNull(changes.objectId()));
        this.displayName = blankToNull(changes.displayName());
        this.expectsCertificateAuth = Boolean.TRUE.equals(changes.expectsCertificateAuth());
        this.custodians = changes.custodians() == null
                ? List.of()
                : changes.custodians().stream().map(Custodian::normalized).toList();
        this.custodianEmails = custodians.stream().map(Custodian::email).distinct().toArray(String[]::new);
        this.custodianEntraIds = custodians.stream()
                .map(Custodian::entraId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        this.keys = changes.keys() == null ? List.of() : List.copyOf(changes.keys());
        this.notes = blankToNull(changes.notes());
    }

    /** Stores the latest readiness; it is part of the representation, so the ETag changes with it. */
    void recordReadiness(String status, StoredJson readiness) {
        this.readinessStatus = status;
        this.readiness = readiness.text();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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

    public String readinessStatus() {
        return readinessStatus;
    }

    /** The latest readiness object of api.md, or null before the first evaluation. */
    public StoredJson readiness() {
        return StoredJson.ofNullable(readiness);
    }

    /**
     * Whether the caller with this custodian key ({@link Caller#custodianKey()}) is one of the
     * account's custodians: an Entra key ({@code entra:<tid>/<oid>}) matches the custodian's stored object and tenant
     * id, anything else is an e-mail address (API keys bound to an address by an admin).
     */
    public boolean hasCustodian(String key) {
        if (key == null) {
            return false;
        }
        if (key.startsWith(Caller.ENTRA_KEY_PREFIX)) {
            String entraId = key.substring(Caller.ENTRA_KEY_PREFIX.length());
            return custodians.stream().anyMatch(c -> entraId.equals(c.entraId()));
        }
        return custodians.stream().anyMatch(c -> c.email().equalsIgnoreCase(key));
    }

    @Override
    protected String describe() {
        return "Account " + id();
    }
}
