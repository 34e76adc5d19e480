package io.glasswarden.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.security.Roles;
import io.glasswarden.tenants.TenantSettings;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    // Issue 9 finding 1: Quartz parses these, but they never fire, so it refuses to schedule them.
    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 30 2 ?", "0 0 0 1 1 ? 2020", "0 0 * * * ?\n2026-12-03 INFO forged line",
            "0 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,"
                    + "38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59 * * * ?"})
    void aCronThatCannotRunIsRefusedAndNothingIsStored(String cron) {
        String tenant = Inventory.tenant(Map.of("evaluationCron", "0 15 3 * * ?"));
        String etag = ApiKeys.as(Roles.ADMIN).get("/api/v1/tenants/" + tenant).header("ETag");

        ApiKeys.as(Roles.ADMIN)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("settings", Map.of("evaluationCron", cron)))
                .patch("/api/v1/tenants/" + tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/validation"))
                .body("errors[0].field", equalTo("settings.evaluationCron"));
        ApiKeys.as(Roles.ADMIN)
                .contentType("application/json")
                .body(Map.of("tenantId", UUID.randomUUID().toString(), "displayName", "Refused",
                        "settings", Map.of("evaluationCron", cron)))
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("settings.evaluationCron"));

        ApiKeys.as(Roles.ADMIN)
                .get("/api/v1/tenants/" + tenant)
                .then()
                .header("ETag", etag)
                .body("settings.evaluationCron", equalTo("0 15 3 * * ?"))
                .body("scheduleProblem", nullValue());
    }

    // Issue 9 finding 1, restart case: rows written before validation existed (or by hand) must not stop
    // reconciliation; every other tenant is still scheduled, and the bad one falls back to the default schedule.
    @Test
    void aStoredCronThatCannotRunNeverStopsReconciliationAndIsReported() throws Exception {
        String good = Inventory.tenant(Map.of("evaluationCron", "0 45 4 * * ?"));
        String neverFires = Inventory.tenant(Map.of());
        String forged = Inventory.tenant(Map.of());
        storeCron(neverFires, "0 0 0 30 2 ?");
        storeCron(forged, "0 0 * * * ?\n2026-12-03 09:00:00,000 INFO  [io.glasswarden] forged");

        try (LogCapture log = LogCapture.start()) {
            triggers.reconcile();

            assertThat(log.text()).doesNotContain("\n2026-12-03 09:00:00,000 INFO  [io.glasswarden] forged")
                    .contains("\\n2026-12-03 09:00:00,000 INFO");
        }

        assertThat(cronOf(good)).isEqualTo("0 45 4 * * ?");
        assertThat(cronOf(neverFires)).isEqualTo(TenantSettings.DEFAULT_EVALUATION_CRON);
        assertThat(cronOf(forged)).isEqualTo(TenantSettings.DEFAULT_EVALUATION_CRON);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + neverFires)
                .then()
                .statusCode(200)
                .body("scheduleProblem", containsString("never fires"))
                .body("scheduleProblem", containsString("default schedule"));
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + good).then().body("scheduleProblem", nullValue());
        assertThat(metric()).isGreaterThanOrEqualTo(2.0);

        // Fixed through the API: the tenant's own schedule is in force again and the problem is gone.
        String etag = ApiKeys.as(Roles.ADMIN).get("/api/v1/tenants/" + neverFires).header("ETag");
        ApiKeys.as(Roles.ADMIN)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("settings", Map.of("evaluationCron", "0 0 1 * * ?")))
                .patch("/api/v1/tenants/" + neverFires)
                .then()
                .statusCode(200);
        triggers.sync(neverFires);
        assertThat(cronOf(neverFires)).isEqualTo("0 0 1 * * ?");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + neverFires).then().body("scheduleProblem", nullValue());
    }

    static void storeCron(String tenant, String cron) {
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("update tenants set settings = jsonb_set(settings, '{evaluationCron}',"
                                + " to_jsonb(cast(?1 as text))) where tenant_id = ?2")
                        .setParameter(1, cron)
                        .setParameter(2, tenant)
                        .executeUpdate());
    }

    private static double metric() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith("glasswarden_tenant_schedule_problems"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private String cronOf(String tenant) throws Exception {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(tenant, TenantTriggers.GROUP));
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        return ((CronTrigger) trigger).getCronExpression();
    }

}
