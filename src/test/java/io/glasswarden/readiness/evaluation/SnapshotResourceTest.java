package io.glasswarden.readiness.evaluation;

import static io.glasswarden.readiness.evaluation.SnapshotTenants.addAccounts;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.awaitFinished;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.newTenant;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.requestEvaluation;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.snapshot;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(EvaluationTestProfile.class)
class SnapshotResourceTest {

    @Inject
    RecordingNotifier notifier;
    @Inject
    FakeLifecycleRecords records;

    @Test
    void uploadedSnapshotIsStoredAndUsedByTheNextEvaluation() {
        String tenant = newTenant("snapshot");
        addAccounts(tenant, 2);
        upload(tenant, snapshot(tenant));
        String first = requestEvaluation(tenant);
        assertThat(awaitFinished(first).jsonPath().getInt("summary.atRisk")).isEqualTo(1);

        // A second key registered on bg-02 in a newer export makes it ready.
        String newer = snapshot(tenant).replace("\"id\": \"bg02-key-a\",", "\"id\": \"bg02-key-b\", \"kind\":"
                + " \"fido2\", \"displayName\": \"BG-02 key B\", \"aaGuid\": \"cb69481e-8ff7-4039-93ec-0a2729a154a8\","
                + " \"attestationLevel\": \"attested\", \"passkeyType\": \"deviceBound\"}, {\"id\": \"bg02-key-a\",");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(newer)
                .put("/api/v1/tenants/" + tenant + "/snapshot")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo(tenant))
                .body("capturedAt", org.hamcrest.Matchers.notNullValue());
        String second = requestEvaluation(tenant);
        awaitFinished(second);

        // The newer export is what was evaluated: two keys now, but the second one is new and unreviewed (BG-062).
        JsonPath results = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + second + "/results").jsonPath();
        assertThat(EvaluationResourceTest.failing(results, 0)).containsExactly("BG-062");
        assertThat(results.getInt("accounts[0].usableCredentials")).isEqualTo(2);
        JsonPath stored = ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenant + "/snapshot").jsonPath();
        assertThat(stored.getString("format")).isEqualTo("glasswarden-directory-snapshot");
        assertThat(stored.getList("users[1].methods.value.id", String.class)).contains("bg02-key-b");
    }

    @Test
    void newUnreviewedMethodIsAlertedOnceAndPassesOnceAcknowledged() {
        String tenant = newTenant("snapshot");
        String account = addAccounts(tenant, 2).get(0);
        upload(tenant, snapshot(tenant));
        awaitFinished(requestEvaluation(tenant));
        upload(tenant, snapshot(tenant).replace("\"id\": \"bg02-key-a\",", "\"id\": \"bg02-key-c\", \"kind\":"
                + " \"phone\", \"displayName\": \"+1 555 0100\"}, {\"id\": \"bg02-key-a\","));

        awaitFinished(requestEvaluation(tenant));
        awaitFinished(requestEvaluation(tenant));

        List<OutgoingEvent> events = notifier.events().stream().filter(e -> e.tenantId().equals(tenant)).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("io.glasswarden.method.registered");
            assertThat(e.data()).containsEntry("methodId", "bg02-key-c").containsEntry("methodKind", "phone");
        });
        List<OutgoingEmail> mails = notifier.emails()
                .stream()
                .filter(m -> m.data().get("tenantId").equals(tenant))
                .toList();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("soc@contoso.example");
            assertThat(m.template()).isEqualTo("method-registered");
        });

        records.acknowledgeMethod(UUID.fromString(account), "bg02-key-c");
        String last = requestEvaluation(tenant);
        awaitFinished(last);
        JsonPath results = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + last + "/results").jsonPath();
        assertThat(EvaluationResourceTest.finding(results, 0, "BG-062")).containsEntry("result", "PASS");
    }

    @Test
    void malformedSnapshotIsRefusedNamingTheProblemAndNothingIsStored() {
        String tenant = newTenant("snapshot");

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(snapshot(tenant).replace("\"version\": 1", "\"version\": 7"))
                .put("/api/v1/tenants/" + tenant + "/snapshot")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("version"))
                .body("detail", containsString("unsupported version 7"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(snapshot(tenant).replaceFirst("\"errorCode\": 0", "\"errorCode\": \"none\""))
                .put("/api/v1/tenants/" + tenant + "/snapshot")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenant.signIns.value[0].errorCode"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"format\": \"glasswarden-directory-snapshot\", \"version\": 1}")
                .put("/api/v1/tenants/" + tenant + "/snapshot")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("capturedAt"))
                .body("errors.field", hasItem("tenantId"))
                .body("errors.field", hasItem("tenant"))
                .body("errors.field", hasItem("users"));

        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenant + "/snapshot").then().statusCode(404);
    }

    @Test
    void snapshotsNeedTheRightTenantAndRole() {
        String graphTenant = newTenant("graph");
        String snapshotTenant = newTenant("snapshot");

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(snapshot(graphTenant))
                .put("/api/v1/tenants/" + graphTenant + "/snapshot")
                .then()
                .statusCode(409);
        ApiKeys.as(Roles.AUDITOR)
                .contentType(ContentType.JSON)
                .body(snapshot(snapshotTenant))
                .put("/api/v1/tenants/" + snapshotTenant + "/snapshot")
                .then()
                .statusCode(403);
        // Capturing from Graph needs Graph: not configured in tests.
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + graphTenant + "/snapshot")
                .then()
                .statusCode(503)
                .body("detail", containsString("not configured"));
    }
}
