package io.glasswarden.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Each active tenant has one evaluation trigger with its cron; changes and retirements follow. */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class TenantTriggersTest {

    @Inject
    TenantTriggers triggers;
    @Inject
    Scheduler scheduler;

    @Test
    void triggerFollowsTheTenantsCronAndDisappearsWhenTheTenantIsRetired() throws Exception {
        String tenant = Inventory.tenant(Map.of("evaluationCron", "0 15 3 * * ?"));

        triggers.sync(tenant);
        assertThat(cronOf(tenant)).isEqualTo("0 15 3 * * ?");
        assertThat(scheduler.getJobDetail(JobKey.jobKey(tenant, TenantTriggers.GROUP)).requestsRecovery()).isTrue();

        String etag = ApiKeys.as(Roles.ADMIN).get("/api/v1/tenants/" + tenant).header("ETag");
        ApiKeys.as(Roles.ADMIN)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("settings", Map.of("evaluationCron", "0 0 */2 * * ?")))
                .patch("/api/v1/tenants/" + tenant)
                .then()
                .statusCode(200);
        triggers.sync(tenant);
        assertThat(cronOf(tenant)).isEqualTo("0 0 */2 * * ?");

        etag = ApiKeys.as(Roles.ADMIN).get("/api/v1/tenants/" + tenant).header("ETag");
        ApiKeys.as(Roles.ADMIN).header("If-Match", etag).delete("/api/v1/tenants/" + tenant).then().statusCode(200);
        triggers.sync(tenant);
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey(tenant, TenantTriggers.GROUP))).isNull();
    }

    @Test
    void reconciliationRemovesTriggersOfUnknownTenantsAndAddsMissingOnes() throws Exception {
        String tenant = Inventory.tenant(Map.of());
        scheduler.addJob(JobBuilder.newJob(Jobs.Evaluation.class)
                .withIdentity("stray-tenant", TenantTriggers.GROUP)
                .storeDurably()
                .build(), true);

        triggers.reconcile();

        assertThat(scheduler.checkExists(JobKey.jobKey("stray-tenant", TenantTriggers.GROUP))).isFalse();
        assertThat(cronOf(tenant)).isEqualTo("0 0 */6 * * ?");
    }

    private String cronOf(String tenant) throws Exception {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(tenant, TenantTriggers.GROUP));
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        return ((CronTrigger) trigger).getCronExpression();
    }

}
