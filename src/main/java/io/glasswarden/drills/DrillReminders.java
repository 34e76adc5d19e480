package io.glasswarden.drills;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.Custodian;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The drill reminder cadence, run by the sweep job: custodians are reminded {@code reminderLeadDays} before the due day
 * and on it; while overdue, custodians and the tenant's escalation contacts are reminded on the first overdue day and
 * then every {@code glasswarden.drills.escalation-interval}. The Notifier's deduplication key
 * {@code drill:{accountId}:{email}:{day}} keeps it to one mail per person, account and day, however often the sweep
 * runs and on however many instances. A succeeded drill moves the due day, which restarts the cycle.
 */
@ApplicationScoped
public class DrillReminders {

    /** Why a reminder is sent; the template words it. */
    enum Stage {
        REMINDER, DUE, OVERDUE
    }

    private final TenantRepository tenants;
    private final DrillCalendar calendar;
    private final Notifier notifier;
    private final DrillConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

    DrillReminders(TenantRepository tenants, DrillCalendar calendar, Notifier notifier, DrillConfig config, Clock clock,
            MeterRegistry registry) {
        this.tenants = tenants;
        this.calendar = calendar;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /** Queues today's reminders of every active tenant; returns how many mails were queued. */
    public int sweep() {
        LocalDate today = LocalDate.now(clock);
        int queued = 0;
        for (Tenant tenant : QuarkusTransaction.requiringNew()
                .call(() -> tenants.list("lifecycleState",
                        io.glasswarden.core.LifecycleState.ACTIVE))) {
            try {
                queued += QuarkusTransaction.requiringNew().call(() -> sweep(tenants.findById(tenant.id()), today));
            } catch (RuntimeException e) {
                Log.errorf(e, "Drill reminders of tenant %s failed", tenant.tenantId());
            }
        }
        return queued;
    }

    private int sweep(Tenant tenant, LocalDate today) {
        int queued = 0;
        long overdueAccounts = 0;
        for (Map.Entry<EmergencyAccount, DrillSchedule> entry : calendar.of(tenant).entrySet()) {
            DrillSchedule schedule = entry.getValue();
            Stage stage = stageOn(tenant, schedule, today);
            if (schedule.statusOn(today) == DrillSchedule.Status.OVERDUE) {
                overdueAccounts++;
            }
            if (stage != null) {
                queued += remind(tenant, entry.getKey(), schedule, stage, today);
            }
        }
        overdue.computeIfAbsent(tenant.tenantId(), t -> registry.gauge("glasswarden_drills_overdue", Tags.of("tenant",
                t), new AtomicLong())).set(overdueAccounts);
        return queued;
    }

    private Stage stageOn(Tenant tenant, DrillSchedule schedule, LocalDate today) {
        int lead = tenant.settings().reminderLeadDays();
        if (lead > 0 && today.isEqual(schedule.dueDate().minusDays(lead))) {
            return Stage.REMINDER;
        }
        return switch (schedule.statusOn(today)) {
            case DUE -> Stage.DUE;
            case OVERDUE -> (schedule.daysOverdue(today) - 1) % escalationDays() == 0 ? Stage.OVERDUE : null;
            case UPCOMING -> null;
        };
    }

    private long escalationDays() {
        return Math.max(1, config.escalationInterval().toDays());
    }

    private int remind(Tenant tenant, EmergencyAccount account, DrillSchedule schedule, Stage stage, LocalDate today) {
        Map<String, String> recipients = new LinkedHashMap<>();
        account.custodians().forEach(c -> recipients.put(c.email(), c.name()));
        Set<String> escalation = new LinkedHashSet<>();
        if (stage == Stage.OVERDUE) {
            tenant.settings()
                    .escalationContacts()
                    .stream()
                    .filter(e -> !recipients.containsKey(e))
                    .forEach(
                            escalation::add);
            escalation.forEach(e -> recipients.put(e, e));
        }
        String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
        String subject = switch (stage) {
            case REMINDER -> "Emergency access drill due on " + schedule.dueDate() + ": " + name;
            case DUE -> "Emergency access drill due today: " + name;
            case OVERDUE -> "Emergency access drill overdue by " + schedule.daysOverdue(today) + " days: " + name;
        };
        int queued = 0;
        for (Map.Entry<String, String> recipient : recipients.entrySet()) {
            boolean escalated = escalation.contains(recipient.getKey());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("stage", stage.name());
            data.put("recipientName", recipient.getValue());
            data.put("tenantName", tenant.displayName());
            data.put("tenantId", tenant.tenantId());
            data.put("accountId", account.id().toString());
            data.put("accountName", name);
            data.put("dueDate", schedule.dueDate().toString());
            data.put("daysOverdue", schedule.daysOverdue(today));
            data.put("custodians", String.join(", ", account.custodians().stream().map(Custodian::name).toList()));
            String key = "drill:" + account.id() + ":" + recipient.getKey() + ":" + today;
            if (notifier.email(new OutgoingEmail(recipient.getKey(), subject, template(stage, escalated), data,
                    key))) {
                queued++;
            }
        }
        return queued;
    }

    private static String template(Stage stage, boolean escalated) {
        return switch (stage) {
            case REMINDER -> "drill-reminder";
            case DUE -> "drill-due";
            case OVERDUE -> escalated ? "drill-overdue-escalation" : "drill-overdue";
        };
    }
}
