package io.glasswarden.scheduling;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Registers the fixed-interval jobs in the clustered store at start (kept when unchanged, so that instances starting
 * together do not reset each other's schedules) and reconciles the tenants' evaluation triggers. With
 * {@code glasswarden.schedule.enabled=false} nothing is scheduled.
 */
@ApplicationScoped
class RecurringJobs {

    static final String GROUP = "glasswarden";

    private final Scheduler scheduler;
    private final ScheduleConfig config;
    private final TenantTriggers tenantTriggers;

    RecurringJobs(Scheduler scheduler, ScheduleConfig config, TenantTriggers tenantTriggers) {
        this.scheduler = scheduler;
        this.config = config;
        this.tenantTriggers = tenantTriggers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Scheduling is off (glasswarden.schedule.enabled=false)");
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            every("sweep", Jobs.Sweep.class, config.sweepInterval());
            every("sign-in-watch", Jobs.SignInWatchRun.class, config.signInWatchInterval());
            every("outbox", Jobs.Outbox.class, config.outboxInterval());
            every("reconcile-tenants", Jobs.Reconcile.class, config.reconcileInterval());
        });
        tenantTriggers.reconcile();
    }

    private void every(String name, Class<? extends Job> type, Duration interval) {
        JobKey job = JobKey.jobKey(name, GROUP);
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        try {
            Trigger existing = scheduler.getTrigger(key);
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()) {
                return;
            }
            JobDetail detail = JobBuilder.newJob(type).withIdentity(job).requestRecovery().storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            Log.infof("Job %s every %s", name, interval);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule job " + name, e);
        }
    }
}
