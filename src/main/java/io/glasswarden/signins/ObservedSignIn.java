package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.glasswarden.directory.SignIn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sign-in of an emergency account that the watch saw in the tenant's logs (stored once per Entra sign-in id). */
@Entity
@Table(name = "observed_sign_ins")
public class ObservedSignIn extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "account_ref", nullable = false, updatable = false)
    private UUID accountId;
    @Column(name = "sign_in_id", nullable = false, updatable = false)
    private String signInId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(nullable = false, updatable = false)
    private boolean succeeded;
    @Column(name = "error_code", nullable = false, updatable = false)
    private int errorCode;
    @Column(name = "failure_reason", updatable = false)
    private String failureReason;
    @Column(updatable = false)
    private Boolean interactive;
    @Column(name = "app_display_name", updatable = false)
    private String appDisplayName;
    @Column(name = "ip_address", updatable = false)
    private String ipAddress;
    @Column(name = "observed_at", nullable = false, updatable = false)
    private Instant observedAt;

    protected ObservedSignIn() {
    }

    ObservedSignIn(UUID accountId, SignIn signIn, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.signInId = signIn.id();
        this.createdAt = signIn.createdDateTime() == null ? now : signIn.createdDateTime();
        this.succeeded = signIn.succeeded();
        this.errorCode = signIn.errorCode();
        this.failureReason = truncate(signIn.failureReason(), 512);
        this.interactive = signIn.interactive();
        this.appDisplayName = truncate(signIn.appDisplayName(), 256);
        this.ipAddress = truncate(signIn.ipAddress(), 64);
        this.observedAt = now;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public UUID accountId() {
        return accountId;
    }

    public String signInId() {
        return signInId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean succeeded() {
        return succeeded;
    }

    public int errorCode() {
        return errorCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public Boolean interactive() {
        return interactive;
    }

    public String appDisplayName() {
        return appDisplayName;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public Instant observedAt() {
        return observedAt;
    }
}
