package io.glasswarden.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.readiness.EnforcementPhase;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Escalates an upcoming mandatory MFA phase while the tenant's latest evaluation says BG-T05 FAIL (api.md
 * "Enforcement"): when the days left first reach {@code enforcementWarningDays}, then 7, then 1, the tenant's
 * escalation contacts get an e-mail and webhook subscribers a CloudEvent {@code io.glasswarden.enforcement.at-risk}.
 * Each threshold of a phase (and start date) is escalated once ({@code enforcement_notices}); a tenant first found at
 * risk late (e.g. 10 days before) is escalated at once for the threshold it passed. At most one e-mail per contact
 * and day ({@code enforcement:{tenantId}:{email}:{day}}): a threshold that cannot be mailed today waits for tomorrow.
 */
@ApplicationScoped
public class EnforcementEscalations {

    static final String EVENT_TYPE = "io.glasswarden.enforcement.at-risk";

    private final TenantRepository tenants;
    private final EnforcementService enforcement;
    private final EvaluationService evaluations;
    private final Notifier notifier;
    private final EntityManager em;
    private final Clock clock;

    EnforcementEscalations(TenantRepository tenants, EnforcementService enforcement, EvaluationService evaluations,
            Notifier notifier, EntityManager em, Clock clock) {
        this.tenants = tenants;
        this.enforcement = enforcement;
        this.evaluations = evaluations;
        this.notifier = notifier;
        this.em = em;
        this.clock = clock;
    }

    /** Escalates for every active tenant; returns how many e-mails were queued. */
    public int sweep() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int queued = 0;
        for (Tenant tenant : QuarkusTransaction.requiringNew()
                .call(() -> tenants.list("lifecycleState", LifecycleState.ACTIVE))) {
            try {
                queued += QuarkusTransaction.requiringNew().call(() -> sweep(tenants.findById(tenant.id()), today));
            } catch (RuntimeException e) {
                Log.errorf(e, "Enforcement escalation of tenant %s failed", tenant.tenantId());
            }
        }
        return queued;
    }

    /** The warning thresholds in days, largest first: enforcementWarningDays, 7 and 1 (those within the window). */
    static List<Integer> thresholds(int warningDays) {
        TreeSet<Integer> set = new TreeSet<>(java.util.Comparator.reverseOrder());
        set.add(warningDays);
        List.of(7, 1).stream().filter(t -> t <= warningDays).forEach(set::add);
        return List.copyOf(set);
    }

    /** The threshold a phase {@code daysLeft} away has reached: the smallest one not below it. */
    static Optional<Integer> reached(List<Integer> thresholds, long daysLeft) {
        return thresholds.stream().filter(t -> t >= daysLeft).min(Integer::compare);
    }

    private int sweep(Tenant tenant, LocalDate today) {
        Optional<Map<String, Object>> finding = evaluations.latestIfAny(tenant.tenantId())
                .flatMap(EnforcementService::bgT05);
        if (finding.isEmpty() || !"FAIL".equals(finding.get().get("result"))) {
            return 0;
        }
        int warningDays = tenant.settings().enforcementWarningDays();
        List<Integer> thresholds = thresholds(warningDays);
        List<Notice> pending = new ArrayList<>();
        for (EnforcementPhase phase : enforcement.phasesOf(tenant)) {
            if (phase.stateOn(today) != EnforcementPhase.State.UPCOMING) {
                continue;
            }
            long daysLeft = phase.daysLeft(today);
            reached(thresholds, daysLeft).filter(t -> !notified(tenant, phase, t))
                    .ifPresent(t -> pending.add(new Notice(phase, daysLeft, t)));
        }
        if (pending.isEmpty()) {
            return 0;
        }
        int queued = mail(tenant, pending, finding.get(), today);
        if (queued == 0 && !tenant.settings().escalationContacts().isEmpty()) {
            // every contact already had today's enforcement e-mail: escalate these thresholds tomorrow
            return 0;
        }
        pending.forEach(n -> record(tenant, n));
        notifier.publish(new OutgoingEvent(EVENT_TYPE, tenant.tenantId(), tenant.tenantId(), event(pending,
                finding.get())));
        Log.infof("Mandatory MFA escalation for tenant %s: %d phase(s), %d e-mail(s)", tenant.tenantId(),
                pending.size(), queued);
        return queued;
    }

    private record Notice(EnforcementPhase phase, long daysLeft, int threshold) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("phase", phase.phase());
            map.put("name", phase.name());
            map.put("applications", phase.applicationNames());
            map.put("startsOn", phase.startsOn().toString());
            map.put("dateSource", phase.dateSource());
            map.put("daysLeft", daysLeft);
            map.put("threshold", threshold);
            return map;
        }
    }

    private int mail(Tenant tenant, List<Notice> pending, Map<String, Object> finding, LocalDate today) {
        Notice first = pending.stream().min(java.util.Comparator.comparingLong(Notice::daysLeft)).orElseThrow();
        String subject = "Mandatory MFA in " + first.daysLeft() + " day(s) and emergency accounts not ready: "
                + tenant.displayName();
        int queued = 0;
        for (String contact : tenant.settings().escalationContacts()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("recipientName", contact);
            data.put("tenantName", tenant.displayName());
            data.put("tenantId", tenant.tenantId());
            data.put("phases", pending.stream().map(Notice::asMap).toList());
            data.put("finding", String.valueOf(finding.get("message")));
            data.put("minReadyAccounts", tenant.settings().minReadyAccounts());
            String key = "enforcement:" + tenant.tenantId() + ":" + contact + ":" + today;
            if (notifier.email(new OutgoingEmail(contact, subject, "enforcement-at-risk", data, key))) {
                queued++;
            }
        }
        return queued;
    }

    private static Map<String, Object> event(List<Notice> pending, Map<String, Object> finding) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ruleId", finding.get("ruleId"));
        data.put("result", finding.get("result"));
        data.put("message", finding.get("message"));
        data.put("phases", pending.stream().map(Notice::asMap).toList());
        return data;
    }

    private boolean notified(Tenant tenant, EnforcementPhase phase, int threshold) {
        return ((Number) em.createNativeQuery("select count(*) from enforcement_notices where tenant_ref = ?1"
                + " and phase = ?2 and starts_on = ?3 and threshold = ?4")
                .setParameter(1, tenant.id())
                .setParameter(2, phase.phase())
                .setParameter(3, phase.startsOn())
                .setParameter(4, threshold)
                .getSingleResult()).longValue() > 0;
    }

    private void record(Tenant tenant, Notice notice) {
        em.createNativeQuery("insert into enforcement_notices (tenant_ref, phase, starts_on, threshold, notified_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenant.id())
                .setParameter(2, notice.phase().phase())
                .setParameter(3, notice.phase().startsOn())
                .setParameter(4, notice.threshold())
                .setParameter(5, clock.instant())
                .executeUpdate();
    }
}
