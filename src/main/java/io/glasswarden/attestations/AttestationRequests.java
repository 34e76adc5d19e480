package io.glasswarden.attestations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.Custodian;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Periodic attestation requests, run by the sweep job: when an account's custody attestation is due (the last CUSTODY
 * attestation, or the account's creation, plus {@code attestationIntervalDays}) within {@code reminderLeadDays}, each
 * custodian without a live link gets an e-mail with a new signed link. A link lives
 * {@code glasswarden.attestations.link-validity}, so the request is repeated that often until someone attests.
 */
@ApplicationScoped
public class AttestationRequests {

    private final TenantRepository tenants;
    private final AccountService accounts;
    private final io.glasswarden.accounts.AccountRepository accountRows;
    private final AttestationLinks links;
    private final Notifier notifier;
    private final AttestationConfig config;
    private final String publicUrl;
    private final Clock clock;

    AttestationRequests(TenantRepository tenants, AccountService accounts, AttestationLinks links, Notifier notifier,
            AttestationConfig config, @ConfigProperty(name = "glasswarden.public-url") String publicUrl, Clock clock,
            io.glasswarden.accounts.AccountRepository accountRows) {
        this.accountRows = accountRows;
        this.tenants = tenants;
        this.accounts = accounts;
        this.links = links;
        this.notifier = notifier;
        this.config = config;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** Sends the requests that are due; returns how many e-mails were queued. */
    public int sweep() {
        int queued = 0;
        List<Tenant> active = QuarkusTransaction.requiringNew()
                .call(() -> tenants.list("lifecycleState",
                        LifecycleState.ACTIVE));
        for (Tenant tenant : active) {
            try {
                queued += QuarkusTransaction.requiringNew().call(() -> sweep(tenants.findById(tenant.id())));
            } catch (RuntimeException e) {
                Log.errorf(e, "Attestation requests of tenant %s failed", tenant.tenantId());
            }
        }
        return queued;
    }

    private int sweep(Tenant tenant) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int queued = 0;
        for (EmergencyAccount account : accounts.activeAccounts(tenant)) {
            LocalDate due = custodyStatus(tenant, account).dueDate();
            if (today.isBefore(due.minusDays(tenant.settings().reminderLeadDays()))) {
                continue;
            }
            for (Custodian custodian : account.custodians()) {
                if (AttestationLink.count("accountId = ?1 and custodian = ?2 and usedAt is null and expiresAt > ?3",
                        account.id(), custodian.email(), now) > 0) {
                    continue;
                }
                String token = links.issue(account, custodian.email());
                if (notifier.email(request(tenant, account, custodian, due, token, today))) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /**
     * Where an account's custody attestation stands (BG-050): its last {@code CUSTODY} attestation (null when there
     * is none), the day the next one is due (that attestation, or the account's creation, plus
     * {@code attestationIntervalDays}) and how many custodians hold a link that is not used and not expired.
     */
    public record CustodyStatus(Instant lastAttestedAt, String lastAttestedBy, LocalDate dueDate, long openRequests,
            boolean overdue) {
    }

    /** The account's custody attestation status on the clock's day; the caller holds a transaction. */
    public CustodyStatus custodyStatus(Tenant tenant, EmergencyAccount account) {
        Instant now = clock.instant();
        Attestation last = Attestation.<Attestation>find("accountId = ?1 and kind = ?2 order by attestedAt desc",
                account.id(), AttestationKind.CUSTODY)
                .firstResult();
        Instant since = last != null ? last.attestedAt() : account.createdAt();
        LocalDate due = LocalDate.ofInstant(since, ZoneOffset.UTC)
                .plusDays(tenant.settings().attestationIntervalDays());
        long open = AttestationLink.count("accountId = ?1 and usedAt is null and expiresAt > ?2", account.id(), now);
        return new CustodyStatus(last != null ? last.attestedAt() : null, last != null ? last.attestedBy() : null,
                due, open, LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(due));
    }

    /**
     * Custodians were removed or replaced (issue 11): each remaining custodian gets an attestation request now
     * ("custody changed"), in the changing transaction, once per account, custodian and day.
     */
    void onCustodyChanged(@jakarta.enterprise.event.Observes io.glasswarden.accounts.CustodyChanged event) {
        EmergencyAccount account = accountRows.findById(event.accountId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Custodian custodian : event.remaining()) {
            String token = links.issue(account, custodian.email());
            OutgoingEmail email = request(account.tenant(), account, custodian, today, token, today);
            Map<String, Object> data = new LinkedHashMap<>(email.data());
            data.put("reason", "Custody changed: " + String.join(", ", event.removed())
                    + " no longer hold(s) this account's credentials. Please confirm where the keys are now.");
            String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
            notifier.email(new OutgoingEmail(custodian.email(), "Custody changed: please attest custody of emergency"
                    + " account " + name, "attestation-request", data,
                    "attestation-custody-changed:" + account.id()
                            + ":" + custodian.email() + ":" + today));
        }
    }

    private OutgoingEmail request(Tenant tenant, EmergencyAccount account, Custodian custodian, LocalDate due,
            String token, LocalDate today) {
        String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recipientName", custodian.name());
        data.put("kind", "custody");
        data.put("tenantName", tenant.displayName());
        data.put("accountId", account.id().toString());
        data.put("accountName", name);
        data.put("dueDate", due.toString());
        data.put("expiresAt",
                clock.instant()
                        .plus(config.linkValidity())
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString());
        data.put("attestationUrl", publicUrl + "/attest/" + token);
        return new OutgoingEmail(custodian.email(), "Please attest custody of emergency account " + name,
                "attestation-request", data, "attestation:" + account.id() + ":" + custodian.email() + ":" + today);
    }
}
