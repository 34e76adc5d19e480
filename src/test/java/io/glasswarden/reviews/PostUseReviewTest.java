package io.glasswarden.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.SignIn;
import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.security.Roles;
import io.glasswarden.signins.SignInWatch;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The post-use review after an EMERGENCY sign-in: opened by the acknowledgement, completed step by step as the
 * records appear (credentials recorded by an operator, a CUSTODY attestation and a SUCCEEDED drill after the sign-in),
 * with reminders and ledger entries.
 */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class PostUseReviewTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Inject
    MovableClock clock;
    @Inject
    RecordingNotifier notifier;
    @Inject
    ReviewService reviews;
    @Inject
    FakeDirectory directory;
    @Inject
    SignInWatch watch;

    @Test
    void anEmergencySignInOpensAReviewThatClosesStepByStep() {
        clock.set(T0);
        String tenant = Inventory.tenant(Map.of("escalationContacts", List.of("soc@contoso.com")));
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        // records from before the sign-in must not close any step
        attest(base);
        drill(base, clock.instant().minus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofHours(1));
        observe(tenant, account, "s-emergency-1");
        notifier.clear();

        acknowledge(base, "s-emergency-1", "EMERGENCY");

        JsonPath review = list(base);
        assertThat(review.getInt("total")).isEqualTo(1);
        String reviewId = review.getString("items[0].id");
        assertThat(review.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(review.getString("items[0].classification")).isEqualTo("EMERGENCY");
        assertThat(review.getList("items[0].steps.done")).containsExactly(false, false, false);
        assertThat(review.getString("items[0].dueAt")).isEqualTo(clock.instant().plus(Duration.ofDays(7)).toString());
        assertThat(notifier.emails()).extracting(OutgoingEmail::to, OutgoingEmail::template)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ada@contoso.com", "review-reminder"),
                        org.assertj.core.groups.Tuple.tuple("soc@contoso.com", "review-reminder"));
        assertThat(LedgerTypes.of(reviewId)).containsExactly("REVIEW_OPENED");

        clock.advance(Duration.ofHours(1));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "ROTATED", "note", "Both keys replaced; old keys destroyed."))
                .post(base + "/reviews")
                .then()
                .statusCode(200)
                .body("steps[0].done", equalTo(true))
                .body("steps[0].action", equalTo("ROTATED"))
                .body("steps[0].note", equalTo("Both keys replaced; old keys destroyed."))
                .body("status", equalTo("OPEN"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "RESEALED", "note", "again"))
                .post(base + "/reviews")
                .then()
                .statusCode(409);

        clock.advance(Duration.ofHours(1));
        attest(base);
        assertThat(list(base).getList("items[0].steps.done")).containsExactly(true, true, false);

        clock.advance(Duration.ofHours(1));
        drill(base, clock.instant().minus(Duration.ofMinutes(1)));
        JsonPath done = list(base);
        assertThat(done.getList("items[0].steps.done")).containsExactly(true, true, true);
        assertThat(done.getString("items[0].status")).isEqualTo("COMPLETED");

        reviews.sweep();
        assertThat(LedgerTypes.of(reviewId)).containsExactly("REVIEW_OPENED", "REVIEW_STEP_RECORDED",
                "REVIEW_COMPLETED");
    }

    @Test
    void anOpenReviewRemindsOnTheDueDayAndEveryDayAfterOncePerDay() {
        clock.set(T0);
        String tenant = Inventory.tenant(Map.of("postUseReviewDays", 2));
        String[] account = Inventory.account(tenant, "bo@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        observe(tenant, account, "s-misuse-1");
        acknowledge(base, "s-misuse-1", "MISUSE");
        notifier.clear();

        reviews.sweep();
        assertThat(mailsTo("bo@contoso.com")).isZero();
        clock.advance(Duration.ofDays(2));
        reviews.sweep();
        reviews.sweep();
        assertThat(mailsTo("bo@contoso.com")).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        reviews.sweep();
        assertThat(mailsTo("bo@contoso.com")).isEqualTo(2);
        assertThat(list(base).getString("items[0].status")).isEqualTo("OVERDUE");
    }

    @Test
    void aDrillAcknowledgementOpensNoReview() {
        clock.set(T0);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "cy@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];

        observe(tenant, account, "s-drill-1");
        acknowledge(base, "s-drill-1", "DRILL");

        assertThat(list(base).getInt("total")).isZero();
    }

    @Test
    void badInputUnknownIdsAndNoOpenReview() {
        clock.set(T0);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "dee@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        // no open review: nothing to record the step on
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "ROTATED", "note", "n"))
                .post(base + "/reviews")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        observe(tenant, account, "s-emergency-2");
        acknowledge(base, "s-emergency-2", "EMERGENCY");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("action", "BURNED", "note", "n"),
                Map.of("action", "ROTATED"), Map.of("action", "ROTATED", "note", "n", "extra", 1))) {
            ApiKeys.as(Roles.OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .post(base + "/reviews")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(list(base).getList("items[0].steps.done")).containsExactly(false, false, false);
        ApiKeys.as(Roles.AUDITOR).get(base + "/reviews/" + UUID.randomUUID()).then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(base + "/reviews/not-a-uuid").then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + UUID.randomUUID() + "/reviews")
                .then()
                .statusCode(404);
        String reviewId = list(base).getString("items[0].id");
        ApiKeys.as(Roles.AUDITOR)
                .get(base + "/reviews/" + reviewId)
                .then()
                .statusCode(200)
                .body("id",
                        equalTo(reviewId));
    }

    private long mailsTo(String email) {
        return notifier.emails().stream().filter(e -> e.to().equals(email)).count();
    }

    private static JsonPath list(String base) {
        return ApiKeys.as(Roles.AUDITOR).get(base + "/reviews").then().statusCode(200).extract().jsonPath();
    }

    /** Only a sign-in Glasswarden saw can be acknowledged: the fake directory reports it and the watch stores it. */
    private void observe(String tenant, String[] account, String signInId) {
        directory.add(tenant, new SignIn(signInId, account[1], null, clock.instant().minus(Duration.ofMinutes(1)), 0,
                null, true, "Azure Portal", "192.0.2.7"));
        watch.pollAll();
    }

    private static void acknowledge(String base, String signInId, String classification) {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", classification, "note", "reviewed"))
                .post(base + "/sign-ins/" + signInId + "/acknowledge")
                .then()
                .statusCode(200);
    }

    private static void attest(String base) {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "CUSTODY", "attestedBy", "ada@contoso.com", "statement", "Keys in safe 1.",
                        "keysSighted", List.of("key A")))
                .post(base + "/attestations")
                .then()
                .statusCode(201);
    }

    private static void drill(String base, Instant at) {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("performedAt", at.toString(), "performedBy", "ada@contoso.com", "outcome", "SUCCEEDED",
                        "credentialUsed", "key A"))
                .post(base + "/drills")
                .then()
                .statusCode(201);
    }
}
