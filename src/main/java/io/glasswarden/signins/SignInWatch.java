package io.glasswarden.signins;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Polls each live tenant's sign-in logs for its emergency accounts, one read per tenant and run, from a persisted
 * high-water mark minus an overlap (log latency). Every sign-in not seen before, successful or failed, is stored and
 * raises an alert: an e-mail to custodians and escalation contacts and the webhook event
 * {@code io.glasswarden.sign-in.detected}. Snapshot tenants and tenants whose logs cannot be read are skipped.
 */
@ApplicationScoped
public class SignInWatch {

    public static final String EVENT_TYPE = "io.glasswarden.sign-in.detected";

    private final TenantRepository tenants;
    private final AccountService accounts;
    private final Directory directory;
    private final Notifier notifier;
    private final SignInWatchConfig config;
    private final Clock clock;

    SignInWatch(TenantRepository tenants, AccountService accounts, Directory directory, Notifier notifier,
            SignInWatchConfig config, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.directory = directory;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    /** What one tenant's poll needs, read in a short transaction so that no transaction spans the Graph call. */
    private record Plan(DirectoryTenant tenant, Map<String, UUID> accountsByObjectId, Instant since) {
    }

    /** Polls every live tenant once; returns the number of new sign-ins. */
    public int pollAll() {
        List<UUID> live = QuarkusTransaction.requiringNew()
                .call(() -> tenants.list("lifecycleState",
                        LifecycleState.ACTIVE)
                        .stream()
                        .filter(t -> t.directory() == DirectoryKind.GRAPH)
                        .map(Tenant::id)
                        .toList());
        int found = 0;
        for (UUID tenant : live) {
            try {
                found += poll(tenant);
            } catch (RuntimeException e) {
                Log.errorf(e, "Sign-in watch of tenant %s failed", tenant);
            }
        }
        return found;
    }

    int poll(UUID tenantRef) {
        Instant startedAt = clock.instant();
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(tenantRef, startedAt));
        if (plan.accountsByObjectId().isEmpty()) {
            return 0;
        }
        Fact<List<SignIn>> signIns;
        try {
            signIns = directory.readSignIns(plan.tenant(), plan.accountsByObjectId().keySet(), plan.since()).fact();
        } catch (DirectoryUnavailableException e) {
            Log.debugf("Sign-in watch skips tenant %s: %s", plan.tenant().tenantId(), e.getMessage());
            return 0;
        }
        if (!signIns.isKnown()) {
            Log.infof("Sign-in logs of tenant %s not readable: %s", plan.tenant().tenantId(), signIns.missing()
                    .orElseThrow()
                    .detail());
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> store(tenantRef, plan, signIns.value(), startedAt));
    }

    private Plan plan(UUID tenantRef, Instant now) {
        Tenant tenant = tenants.findById(tenantRef);
        Map<String, UUID> byObjectId = new HashMap<>();
        accounts.activeAccounts(tenant)
                .stream()
                .filter(a -> a.objectId() != null)
                .forEach(a -> byObjectId.put(a.objectId().toLowerCase(Locale.ROOT), a.id()));
        SignInWatermark mark = SignInWatermark.findById(tenantRef);
        Instant since = mark == null ? now.minus(config.initialLookback()) : mark.readUntil().minus(config.overlap());
        return new Plan(new DirectoryTenant(tenant.tenantId(), tenant.cloud().wireValue()), byObjectId, since);
    }

    private int store(UUID tenantRef, Plan plan, List<SignIn> signIns, Instant readUntil) {
        Tenant tenant = tenants.findById(tenantRef);
        int found = 0;
        for (SignIn signIn : signIns) {
            UUID accountId = signIn.userId() == null
                    ? null
                    : plan.accountsByObjectId().get(signIn.userId().toLowerCase(Locale.ROOT));
            if (accountId == null || signIn.id() == null || ObservedSignIn.count("accountId = ?1 and signInId = ?2",
                    accountId, signIn.id()) > 0) {
                continue;
            }
            ObservedSignIn observed = new ObservedSignIn(accountId, signIn, clock.instant());
            observed.persist();
            alert(tenant, EmergencyAccount.findById(accountId), observed);
            found++;
        }
        SignInWatermark mark = SignInWatermark.findById(tenantRef);
        if (mark == null) {
            new SignInWatermark(tenantRef, readUntil).persist();
        } else {
            mark.advance(readUntil);
        }
        return found;
    }

    private void alert(Tenant tenant, EmergencyAccount account, ObservedSignIn signIn) {
        Log.infof("Sign-in %s of emergency account %s in tenant %s (%s)", signIn.signInId(), account.id(), tenant
                .tenantId(), signIn.succeeded() ? "succeeded" : "failed");
        String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", tenant.tenantId());
        data.put("tenantName", tenant.displayName());
        data.put("accountId", account.id().toString());
        data.put("accountName", name);
        data.put("userPrincipalName", account.userPrincipalName());
        data.put("signInId", signIn.signInId());
        data.put("signInTime", signIn.createdAt().toString());
        data.put("succeeded", signIn.succeeded());
        data.put("errorCode", signIn.errorCode());
        data.put("failureReason", signIn.failureReason());
        data.put("application", signIn.appDisplayName());
        data.put("ipAddress", signIn.ipAddress());
        Map<String, String> recipients = new LinkedHashMap<>();
        account.custodians().forEach(c -> recipients.put(c.email(), c.name()));
        tenant.settings().escalationContacts().forEach(e -> recipients.putIfAbsent(e, e));
        String subject = (signIn.succeeded() ? "Sign-in" : "Failed sign-in") + " of emergency account " + name;
        recipients.forEach((email, recipientName) -> {
            Map<String, Object> mail = new LinkedHashMap<>(data);
            mail.put("recipientName", recipientName);
            notifier.email(new OutgoingEmail(email, subject, "sign-in-alert", mail, "sign-in:" + signIn.signInId()
                    + ":" + email));
        });
        notifier.publish(new OutgoingEvent(EVENT_TYPE, tenant.tenantId(), account.id().toString(), data));
    }
}
