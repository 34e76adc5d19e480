package io.glasswarden.scheduling;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.LogSafe;
import io.glasswarden.tenants.QuartzCron;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantChanged;
import io.glasswarden.tenants.TenantRepository;
import io.glasswarden.tenants.TenantSettings;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps one Quartz cron trigger per active tenant ({@code settings.evaluationCron}, UTC): created, changed or removed
 * right after a tenant change commits, and reconciled at start and periodically (a tenant changed while the scheduler
 * was unreachable is caught up). The triggers live in the shared JDBC store, so any instance may apply a change.
 */
@ApplicationScoped
public class TenantTriggers {

    static final String GROUP = "tenant-evaluation";

    private final Scheduler scheduler;
    private final TenantRepository tenants;
    private final ScheduleConfig config;
    private final Clock clock;

    TenantTriggers(Scheduler scheduler, TenantRepository tenants, ScheduleConfig config, Clock clock) {
        this.scheduler = scheduler;
        this.tenants = tenants;
        this.config = config;
        this.clock = clock;
    }

    void onTenantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
        if (!config.enabled()) {
            return;
        }
        try {
            sync(change.tenantId());
        } catch (RuntimeException e) {
            // The periodic reconciliation catches up; the tenant change itself has committed.
            Log.errorf(e, "Evaluation trigger of tenant %s not updated", LogSafe.quote(change.tenantId()));
        }
    }

    /** Creates, updates or removes the tenant's trigger to match its current state. */
    public void sync(String tenantId) {
        String cron = QuarkusTransaction.requiringNew()
                .call(() -> tenants.findByTenantId(tenantId)
                        .filter(Tenant::isActive)
                        .map(t -> t.settings().evaluationCron())
                        .orElse(null));
        applyAlone(tenantId, cron);
    }

    /**
     * Makes the set of triggers equal to the active tenants' crons. One tenant's trigger that cannot be scheduled
     * never stops the others (nor the start of the service): it is logged, recorded on the tenant, and counted.
     */
    public void reconcile() {
        Map<String, String> desired = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> tenants.list("lifecycleState", LifecycleState.ACTIVE)
                        .forEach(t -> desired.put(t.tenantId(), t.settings().evaluationCron())));
        Set<JobKey> existing = QuarkusTransaction.requiringNew().call(() -> {
            try {
                return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
            } catch (SchedulerException e) {
                throw new IllegalStateException("Cannot list evaluation triggers", e);
            }
        });
        for (JobKey key : existing) {
            if (!desired.containsKey(key.getName())) {
                applyAlone(key.getName(), null);
            }
        }
        desired.forEach(this::applyAlone);
    }

    /** Applies one tenant's schedule in its own transaction; a failure is recorded on the tenant, never thrown. */
    private void applyAlone(String tenantId, String cron) {
        String problem;
        try {
            problem = QuarkusTransaction.requiringNew().call(() -> apply(tenantId, cron));
        } catch (RuntimeException e) {
            Log.errorf(e, "Evaluation schedule of tenant %s could not be applied", LogSafe.quote(tenantId));
            problem = "The evaluation schedule could not be applied (" + e.getClass().getSimpleName()
                    + "); the reconciliation retries every " + config.reconcileInterval() + ".";
        }
        String recorded = problem;
        try {
            QuarkusTransaction.requiringNew().run(() -> tenants.recordScheduleProblem(tenantId, recorded));
        } catch (RuntimeException e) {
            Log.errorf(e, "Schedule state of tenant %s not recorded", LogSafe.quote(tenantId));
        }
    }

    /**
     * Brings the tenant's trigger in line with {@code cron} ({@code null}: no trigger). A cron that cannot be
     * scheduled (it never fires again, or the stored value is not a cron) is replaced by the default schedule, so
     * that the tenant is still evaluated; returns why, or null when the tenant's own schedule is in force.
     */
    private String apply(String tenantId, String cron) {
        JobKey job = JobKey.jobKey(tenantId, GROUP);
        try {
            if (cron == null) {
                if (scheduler.deleteJob(job)) {
                    Log.infof("Removed evaluation schedule of tenant %s", LogSafe.quote(tenantId));
                }
                return null;
            }
            Optional<String> unusable = QuartzCron.Validator.problem(cron, clock.instant());
            if (unusable.isEmpty()) {
                try {
                    schedule(tenantId, cron);
                    return null;
                } catch (SchedulerException e) {
                    unusable = Optional.of("cannot be scheduled (" + e.getMessage() + ")");
                }
            }
            String fallback = TenantSettings.DEFAULT_EVALUATION_CRON;
            Log.errorf("Evaluation schedule %s of tenant %s %s; evaluating on the default schedule %s instead",
                    LogSafe.quote(cron), LogSafe.quote(tenantId), unusable.get(), fallback);
            schedule(tenantId, fallback);
            return "evaluationCron " + unusable.get() + "; the tenant is evaluated on the default schedule '"
                    + fallback + "' (UTC) until evaluationCron is changed.";
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule evaluations of tenant " + tenantId, e);
        }
    }

    private void schedule(String tenantId, String cron) throws SchedulerException {
        JobKey job = JobKey.jobKey(tenantId, GROUP);
        TriggerKey key = TriggerKey.triggerKey(tenantId, GROUP);
        Trigger existing = scheduler.getTrigger(key);
        if (existing instanceof CronTrigger current && cron.equals(current.getCronExpression())) {
            return;
        }
        JobDetail detail = JobBuilder.newJob(Jobs.Evaluation.class)
                .withIdentity(job)
                .usingJobData(Jobs.TENANT_ID, tenantId)
                .requestRecovery()
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(detail, Set.of(trigger), true);
        Log.infof("Evaluation schedule of tenant %s: %s (UTC)", LogSafe.quote(tenantId), LogSafe.quote(cron));
    }
}
