package io.glasswarden.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.tenants.TenantSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With scheduling on, the recurring jobs are stored in the clustered store, fire, and get their beans injected. */
@QuarkusTest
@TestProfile(SchedulingEnabledTest.Enabled.class)
class SchedulingEnabledTest {

    /** Scheduling on, with short intervals. */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.schedule.enabled", "true", "quarkus.scheduler.start-mode", "forced",
                    "glasswarden.schedule.sign-in-watch-interval", "PT1S", "glasswarden.schedule.sweep-interval",
                    "PT1S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FakeDirectory.class, RecordingNotifier.class);
        }
    }

    @Inject
    Scheduler scheduler;
    @Inject
    FakeDirectory directory;
    @Inject
    RecurringJobs recurringJobs;

    @Test
    void recurringJobsAreStoredForRecoveryAndRun() throws Exception {
        for (String job : new String[]{"sweep", "sign-in-watch", "outbox", "reconcile-tenants"}) {
            assertThat(scheduler.getJobDetail(JobKey.jobKey(job, RecurringJobs.GROUP)).requestsRecovery()).isTrue();
        }
        Inventory.account(Inventory.tenant(Map.of()), "ada@contoso.com");

        // The sign-in watch job runs with its injected service and reads the (fake) logs of the new tenant.
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.reads() > 0);
    }

    @Test
    void aNewTenantGetsItsEvaluationTriggerRightAfterCommit() {
        String tenant = Inventory.tenant(Map.of("evaluationCron", "0 30 1 * * ?"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(scheduler.getTrigger(TriggerKey
                        .triggerKey(tenant, TenantTriggers.GROUP))).isNotNull());
    }

    // Issue 9 finding 1, restart case: a tenant row whose cron cannot be scheduled (written before validation, or by
    // hand) must not stop the start of the service; the other tenants are scheduled as usual.
    @Test
    void startUpWithAnUnschedulableTenantStillSchedulesTheOthers() throws Exception {
        String bad = Inventory.tenant(Map.of());
        String good = Inventory.tenant(Map.of("evaluationCron", "0 10 2 * * ?"));
        TenantTriggersTest.storeCron(bad, "0 0 0 1 1 ? 2020");
        scheduler.deleteJob(JobKey.jobKey(good, TenantTriggers.GROUP));

        recurringJobs.onStart(null);

        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(good, TenantTriggers.GROUP)))
                .getCronExpression()).isEqualTo("0 10 2 * * ?");
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(bad, TenantTriggers.GROUP)))
                .getCronExpression()).isEqualTo(TenantSettings.DEFAULT_EVALUATION_CRON);
    }
}
