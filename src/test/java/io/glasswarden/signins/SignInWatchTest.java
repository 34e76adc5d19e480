package io.glasswarden.signins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.SignIn;
import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(LifecycleProfile.class)
class SignInWatchTest {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");

    @Inject
    MovableClock clock;
    @Inject
    FakeDirectory directory;
    @Inject
    RecordingNotifier notifier;
    @Inject
    SignInWatch watch;
    @Inject
    AcknowledgementRecords acknowledgements;

    @Test
    void everySignInRaisesOneAlertToCustodiansAndEscalationContactsAndAWebhookEvent() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of("escalationContacts", List.of("soc@contoso.com")));
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.add(tenant, signIn("ok-" + account[1], account[1], NOW.minus(Duration.ofMinutes(3)), 0));
        directory.add(tenant, signIn("bad-" + account[1], account[1], NOW.minus(Duration.ofMinutes(2)), 50126));
        directory.add(tenant, signIn("other", UUID.randomUUID().toString(), NOW.minus(Duration.ofMinutes(2)), 0));
        notifier.clear();

        watch.pollAll();
        clock.advance(Duration.ofMinutes(2));
        watch.pollAll(); // the overlap reads both again: no second alert

        List<OutgoingEmail> alerts = notifier.emails()
                .stream()
                .filter(m -> account[0].equals(m.data().get("accountId")))
                .toList();
        assertThat(alerts).extracting(m -> m.data().get("signInId") + " " + m.to())
                .containsExactlyInAnyOrder(
                        "ok-" + account[1] + " ada@contoso.com", "ok-" + account[1] + " soc@contoso.com",
                        "bad-" + account[1] + " ada@contoso.com", "bad-" + account[1] + " soc@contoso.com");
        assertThat(alerts).allSatisfy(m -> assertThat(m.template()).isEqualTo("sign-in-alert"));
        List<OutgoingEvent> events = notifier.events()
                .stream()
                .filter(e -> account[0].equals(e.subject()))
                .toList();
        assertThat(events).hasSize(2)
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(
                        "io.glasswarden.sign-in.detected"));
        assertThat(directory.lastSince(tenant)).isEqualTo(NOW.minus(Duration.ofHours(1)));

        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].signInId", equalTo("bad-" + account[1]))
                .body("items[0].succeeded", equalTo(false));
    }

    @Test
    void unreadableLogsAreSkippedWithoutMovingTheHighWaterMark() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.fail(tenant, DataGap.licence("sign-in logs", "Microsoft Entra ID P1"));

        watch.pollAll();
        clock.advance(Duration.ofMinutes(10));
        watch.pollAll();

        assertThat(directory.lastSince(tenant)).isEqualTo(NOW.plus(Duration.ofMinutes(10)).minus(Duration.ofDays(1)));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void signInAndMethodAcknowledgementsAreRecordedOnceAndLedgered() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        String signInId = UUID.randomUUID().toString();
        directory.add(tenant, signIn(signInId, account[1], NOW.minus(Duration.ofMinutes(3)), 0));
        watch.pollAll();
        evaluated(tenant, account[0], List.of("method-1"), null);

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "EMERGENCY", "note", "Outage INC-42"))
                .post(base + "/sign-ins/" + signInId + "/acknowledge")
                .then()
                .statusCode(200)
                .body("classification", equalTo("EMERGENCY"))
                .body("subjectId", equalTo(signInId));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "DRILL"))
                .post(base + "/sign-ins/" + signInId + "/acknowledge")
                .then()
                .statusCode(409);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "DRILL", "note", "New key registered for the drill"))
                .post(base + "/methods/method-1/acknowledge")
                .then()
                .statusCode(200);

        assertThat(acknowledgements.acknowledgedSignInIds(UUID.fromString(account[0]))).containsExactly(signInId);
        assertThat(acknowledgements.acknowledgedMethodIds(UUID.fromString(account[0]))).containsExactly("method-1");
        assertThat(LedgerTypes.of(signInId)).containsExactly("SIGN_IN_ACKNOWLEDGED");
        assertThat(LedgerTypes.of("method-1")).contains("METHOD_ACKNOWLEDGED");
    }

    @Test
    void acknowledgementsNeedAnOperatorValidInputAndKnownIds() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String path = "/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins/s-1/acknowledge";
        Map<String, String> body = Map.of("classification", "MISUSE");

        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        given().auth()
                .oauth2(ApiKeys.custodian("ada@contoso.com"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(
                        path)
                .then()
                .statusCode(403);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "OOPS"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "no class"))
                .post(path)
                .then()
                .statusCode(400);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tenants/" + tenant + "/accounts/" + UUID.randomUUID() + "/sign-ins/s-1/acknowledge")
                .then()
                .statusCode(404);
        assertThat(acknowledgements.acknowledgedSignInIds(UUID.fromString(account[0]))).isEmpty();
    }

    // Issue 9 finding 6: only what Glasswarden saw can be acknowledged, and retired objects stay read-only.
    @Test
    void acknowledgementsOfUnseenIdsOrOnRetiredObjectsAreRefused() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        Map<String, String> body = Map.of("classification", "EMERGENCY");
        evaluated(tenant, account[0], List.of("key-1"), "reported-by-bg042");

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base + "/sign-ins/" + UUID.randomUUID() + "/acknowledge")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/not-found"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base + "/methods/never-registered/acknowledge")
                .then()
                .statusCode(404);
        // An id seen only in an evaluation's BG-042 evidence (not stored by the watch) is known.
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base + "/sign-ins/reported-by-bg042/acknowledge")
                .then()
                .statusCode(200);

        String etag = ApiKeys.as(Roles.ADMIN).get(base).header("ETag");
        ApiKeys.as(Roles.ADMIN).header("If-Match", etag).delete(base).then().statusCode(200);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base + "/methods/key-1/acknowledge")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/conflict"));
        assertThat(acknowledgements.acknowledgedMethodIds(UUID.fromString(account[0]))).isEmpty();
        assertThat(acknowledgements.acknowledgedSignInIds(UUID.fromString(account[0])))
                .containsExactly("reported-by-bg042");
    }

    @Test
    void accountsOfARetiredTenantAreReadOnly() {
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        String accountTag = ApiKeys.as(Roles.ADMIN).get(base).header("ETag");
        String tenantTag = ApiKeys.as(Roles.ADMIN).get("/api/v1/tenants/" + tenant).header("ETag");
        ApiKeys.as(Roles.ADMIN)
                .header("If-Match", tenantTag)
                .delete("/api/v1/tenants/" + tenant)
                .then()
                .statusCode(200);

        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", accountTag)
                .body(Map.of("notes", "changed after retirement"))
                .patch(base)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/conflict"));
        ApiKeys.as(Roles.ADMIN).header("If-Match", accountTag).delete(base).then().statusCode(409);
        ApiKeys.as(Roles.AUDITOR)
                .get(base)
                .then()
                .statusCode(200)
                .header("ETag", accountTag)
                .body("notes", org.hamcrest.Matchers.not(equalTo("changed after retirement")));
    }

    /** A completed evaluation of the account that read these method ids and reported this sign-in under BG-042. */
    private static void evaluated(String tenant, String accountId, List<String> methodIds, String signInId) {
        String readiness = signInId == null
                ? "{\"findings\": []}"
                : "{\"findings\": [{\"ruleId\": \"BG-042\", \"evidence\": {\"unaccountedSignIns\": [{\"id\": \""
                        + signInId + "\"}]}}]}";
        QuarkusTransaction.requiringNew().run(() -> {
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            UUID evaluation = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into evaluations (id, tenant_ref, status, requested_at, requested_by, completed_at)
                    select ?1, id, 'COMPLETED', now(), 'test', now() from tenants where tenant_id = ?2""")
                    .setParameter(1, evaluation)
                    .setParameter(2, tenant)
                    .executeUpdate();
            em.createNativeQuery(
                    """
                            insert into account_evaluations (id, evaluation_id, account_id, position, status, evaluated_at,
                            readiness, method_ids) values (?1, ?2, ?3, 0, 'READY', now(), cast(?4 as jsonb), cast(?5 as jsonb))""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, evaluation)
                    .setParameter(3, UUID.fromString(accountId))
                    .setParameter(4, readiness)
                    .setParameter(5, "[" + String.join(",", methodIds.stream().map(m -> "\"" + m + "\"").toList())
                            + "]")
                    .executeUpdate();
        });
    }

    private static SignIn signIn(String id, String userId, Instant at, int errorCode) {
        return new SignIn(id, userId, null, at, errorCode, errorCode == 0 ? null : "Invalid password", true,
                "Azure Portal", "192.0.2.7");
    }
}
