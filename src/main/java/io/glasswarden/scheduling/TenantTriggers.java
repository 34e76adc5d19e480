package io.glasswarden.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantChanged;
import io.glasswarden.tenants.TenantRepository;
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

    TenantTriggers(Scheduler scheduler, TenantRepository tenants, ScheduleConfig config) {
        this.scheduler = scheduler;
        this.tenants = tenants;
        this.config = config;
    }

    void onTenantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
        if (!config.enabled()) {
            return;
        }
        try {
            sync(change.tenantId());
        } catch (RuntimeException e) {
            // The periodic reconciliation catches up; the tenant change itself has committed.
            Log.errorf(e, "Evaluation trigger of tenant %s not updated", change.tenantId());
        }
    }

    /** Creates, updates or removes the tenant's trigger to match its current state. */
    public void sync(String tenantId) {
        String cron = QuarkusTransaction.requiringNew()
                .call(() -> tenants.findByTenantId(tenantId)
                        .filter(Tenant::isActive)
                        .map(t -> t.settings().evaluationCron())
                        .orElse(null));
        QuarkusTransaction.requiringNew().run(() -> apply(tenantId, cron));
    }

    /** Makes the set of triggers equal to the active tenants' crons. */
    public void reconcile() {
        Map<String, String> desired = new HashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> tenants.list("lifecycleState", LifecycleState.ACTIVE)
                        .forEach(t -> desired.put(t.tenantId(), t.settings().evaluationCron())));
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                    if (!desired.containsKey(key.getName())) {
                        apply(key.getName(), null);
                    }
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("Cannot list evaluation triggers", e);
            }
            desired.forEach(this::apply);
        });
    }

    private void apply(String tenantId, String cron) {
        JobKey job = JobKey.jobKey(tenantId, GROUP);
        TriggerKey key = TriggerKey.triggerKey(tenantId, GROUP);
        try {
            if (cron == null) {
                if (scheduler.deleteJob(job)) {
                    Log.infof("Removed evaluation schedule of tenant %s", tenantId);
                }
                return;
            }
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
                            .inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            Log.infof("Evaluation schedule of tenant %s: %s (UTC)", tenantId, cron);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule evaluations of tenant " + tenantId, e);
        }
    }
}
