package io.glasswarden.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.RecordingNotifier;
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
}
