package io.glasswarden.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.glasswarden.lifecycle.MailProfile;
import io.glasswarden.notifications.OutboxDispatcher;
import io.glasswarden.readiness.evaluation.SnapshotTenants;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The enforcement timeline of a tenant whose phase 2 starts in 10 days, with one emergency account that can satisfy
 * mandatory MFA (demo bg-01) and one a Conditional Access policy locks out (demo bg-04): the timeline, BG-T05 in the
 * readiness, and the escalation e-mails through the real outbox to GreenMail, once per threshold and day.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class EnforcementEscalationTest {

    @Inject
    MovableClock clock;
    @Inject
    EnforcementEscalations escalations;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    EntityManager em;

    @Test
    void aTenantTenDaysBeforePhaseTwoWithOneReadyAccountFailsBgT05AndItsContactsGetOneMailPerThreshold() {
        clock.set(java.time.Instant.now());
        // a subscriber for the CloudEvents (counted in the outbox; its host does not exist, delivery just fails)
        ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://siem.contoso.example/glasswarden", "eventTypes",
                        List.of("io.glasswarden.enforcement.*")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate phase2 = today.plusDays(10);
        String tenantId = tenant(Map.of("phase2", phase2.toString()));
        SnapshotTenants.upload(tenantId, SnapshotTenants.snapshot(tenantId));
        SnapshotTenants.addAccounts(tenantId, 1, 4);
        String evaluation = SnapshotTenants.requestEvaluation(tenantId);
        assertThat(SnapshotTenants.awaitFinished(evaluation).jsonPath().getString("status")).isEqualTo("COMPLETED");

        // readiness: BG-T05 FAIL with the date, because only bg-01 can satisfy MFA and two are needed
        JsonPath readiness = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> t05 = readiness.getMap("tenant.findings.find { it.ruleId == 'BG-T05' }");
        assertThat(t05.get("result")).isEqualTo("FAIL");
        assertThat((String) t05.get("message")).contains(phase2.toString()).contains("in 10 days").contains("only 1");

        // the timeline
        JsonPath view = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getString("phases[0].state")).isEqualTo("IN_FORCE");
        assertThat(view.getString("phases[0].startsOn")).isEqualTo("2024-10-15");
        assertThat(view.getString("phases[1].state")).isEqualTo("UPCOMING");
        assertThat(view.getInt("phases[1].daysLeft")).isEqualTo(10);
        assertThat(view.getString("phases[1].startsOn")).isEqualTo(phase2.toString());
        assertThat(view.getString("phases[1].dateSource")).isEqualTo("tenant");
        assertThat(view.getList("phases[1].applications.appId")).contains("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        assertThat(view.getList("accounts.mandatoryMfaReady")).containsExactlyInAnyOrder(true, false);
        assertThat(view.getInt("mandatoryMfaReadyAccounts")).isEqualTo(1);
        assertThat(view.getString("finding.result")).isEqualTo("FAIL");

        // 10 days before: the enforcementWarningDays threshold (30) was passed, so one e-mail now; a second sweep
        // the same day sends nothing
        assertThat(sweepAndCount(tenantId)).isEqualTo(1);
        assertThat(sweepAndCount(tenantId)).isZero();
        assertThat(subjects(tenantId)).containsExactly("soc@contoso.example Mandatory MFA in 10 day(s) and emergency "
                + "accounts not ready: Enforcement " + tenantId);
        assertThat(events(tenantId)).isEqualTo(1);
        // 9 and 8 days before: nothing new
        clock.advance(Duration.ofDays(1));
        assertThat(sweepAndCount(tenantId)).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(sweepAndCount(tenantId)).isZero();
        // 7 days before: the 7-day threshold, once
        clock.advance(Duration.ofDays(1));
        assertThat(sweepAndCount(tenantId)).isEqualTo(1);
        assertThat(sweepAndCount(tenantId)).isZero();
        // 1 day before: the last one
        clock.advance(Duration.ofDays(6));
        assertThat(sweepAndCount(tenantId)).isEqualTo(1);
        // in force: no more escalation (BG-T05 keeps failing in the readiness)
        clock.advance(Duration.ofDays(1));
        assertThat(sweepAndCount(tenantId)).isZero();
        assertThat(subjects(tenantId)).hasSize(3);
        assertThat(events(tenantId)).isEqualTo(3);
    }

    @Test
    void aTenantThatPassesBgT05IsNotEscalated() {
        clock.set(java.time.Instant.now());
        String tenantId = tenant(Map.of("phase2", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(5)
                .toString()));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).header("ETag"))
                .contentType("application/merge-patch+json")
                .body(Map.of("settings", Map.of("minReadyAccounts", 1)))
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(200);
        SnapshotTenants.upload(tenantId, SnapshotTenants.snapshot(tenantId));
        SnapshotTenants.addAccounts(tenantId, 1);
        SnapshotTenants.awaitFinished(SnapshotTenants.requestEvaluation(tenantId));

        assertThat(sweepAndCount(tenantId)).isZero();
        assertThat(ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("finding.result")).isEqualTo("PASS");
    }

    @Test
    void unknownTenantIs404AndCustodiansMayNotReadTheTimeline() {
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + UUID.randomUUID() + "/enforcement")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/not-a-guid/enforcement").then().statusCode(404);
    }

    @Test
    void anInvalidEnforcementDateIsRefusedAndNothingIsStored() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Bad dates", "directory", "snapshot", "settings",
                        Map.of("mfaEnforcement", Map.of("phase2", "2026-13-45"))))
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Bad phase", "directory", "snapshot", "settings",
                        Map.of("mfaEnforcement", Map.of("phase3", "2026-12-01"))))
                .post("/api/v1/tenants")
                .then()
                .statusCode(400);
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().statusCode(404);
    }

    private static String tenant(Map<String, String> mfaEnforcement) {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Enforcement " + tenantId, "directory", "snapshot",
                        "settings", Map.of("escalationContacts", List.of("soc@contoso.example"), "mfaEnforcement",
                                mfaEnforcement)))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201)
                .body("settings.mfaEnforcement.phase2", org.hamcrest.Matchers.equalTo(mfaEnforcement.get("phase2")))
                .body("settings.enforcementWarningDays", org.hamcrest.Matchers.equalTo(30))
                .body("settings.minReadyAccounts", org.hamcrest.Matchers.equalTo(2))
                .body("settings.postUseReviewDays", org.hamcrest.Matchers.equalTo(7));
        return tenantId;
    }

    private int sweepAndCount(String tenantId) {
        int before = subjects(tenantId).size();
        escalations.sweep();
        while (dispatcher.dispatchDue() > 0) {
            // drain the outbox
        }
        return subjects(tenantId).size() - before;
    }

    private static List<String> subjects(String tenantId) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> subject(m).contains(tenantId))
                .map(m -> recipient(m) + " " + subject(m))
                .toList();
    }

    private long events(String tenantId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_messages where kind = 'WEBHOOK'"
                        + " and payload like ?1")
                        .setParameter(1, "%io.glasswarden.enforcement.at-risk%" + tenantId + "%")
                        .getSingleResult()).longValue());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
