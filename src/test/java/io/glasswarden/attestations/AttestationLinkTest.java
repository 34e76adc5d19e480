package io.glasswarden.attestations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The e-mailed attestation link: signed, expiring, single use, CSRF-protected, escaped. */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class AttestationLinkTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T08:00:00Z");
    private static final String ADA = "ada@contoso.com";

    @Inject
    MovableClock clock;
    @Inject
    RecordingNotifier notifier;
    @Inject
    AttestationRequests requests;

    @Test
    void custodianAttestsThroughTheLinkOnceAndTheAttestationIsRecordedAsThem() {
        Link link = requestLink("Break glass 1");

        Response form = given().get(link.path());
        form.then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString(ADA))
                .body(not(containsString("<script")))
                .body(not(containsString("http://")))
                .body(not(containsString("https://")));

        given().formParam("csrf", csrfOf(form.asString()))
                .formParam("kind", "CUSTODY")
                .formParam("statement", "Key A in safe 1 <b>sealed</b> & checked")
                .formParam("keysSighted", "key A")
                .post(link.path())
                .then()
                .statusCode(201)
                .body(containsString("attestation recorded"))
                .body(containsString("Key A in safe 1 &lt;b&gt;sealed&lt;/b&gt; &amp; checked"))
                .body(not(containsString("<b>sealed")));

        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + link.tenant() + "/accounts/" + link.account() + "/attestations")
                .then()
                .body("total", equalTo(1))
                .body("items[0].attestedBy", equalTo(ADA))
                .body("items[0].channel", equalTo("LINK"))
                .body("items[0].keysSighted", equalTo(List.of("key A")));

        // Reused: refused, whether the form is opened again or the same submission is replayed.
        given().get(link.path()).then().statusCode(410).body(containsString("already been used"));
        given().formParam("csrf", csrfOf(form.asString()))
                .formParam("kind", "CUSTODY")
                .formParam("statement", "again")
                .post(link.path())
                .then()
                .statusCode(410);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + link.tenant() + "/accounts/" + link.account() + "/attestations")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void accountNameIsEscapedInTheForm() {
        Link link = requestLink("<script>alert(1)</script>");

        given().get(link.path())
                .then()
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>")));
    }

    @Test
    void expiredLinkIsRefused() {
        Link link = requestLink("Break glass 2");
        String csrf = csrfOf(given().get(link.path()).asString());

        clock.advance(Duration.ofDays(8));

        given().get(link.path())
                .then()
                .statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString(
                        "expired"));
        given().formParam("csrf", csrf)
                .formParam("kind", "CUSTODY")
                .formParam("statement", "late")
                .post(link.path())
                .then()
                .statusCode(410);
    }

    @Test
    void tamperedLinkIsRefused() {
        Link link = requestLink("Break glass 3");
        String[] parts = link.token().split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2]
                .substring(1);
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2];

        for (String token : List.of(otherSignature, laterExpiry, "garbage", parts[0])) {
            given().get("/attest/" + token).then().statusCode(404).body(containsString("not valid"));
        }
        given().get(link.path()).then().statusCode(200);
    }

    @Test
    void submissionWithoutTheFormsCsrfTokenIsRefusedAndTheLinkStaysUsable() {
        Link link = requestLink("Break glass 4");

        given().formParam("kind", "CUSTODY").formParam("statement", "forged").post(link.path()).then().statusCode(403);
        given().formParam("csrf", "forged-token")
                .formParam("kind", "CUSTODY")
                .formParam("statement", "forged")
                .post(link.path())
                .then()
                .statusCode(403);
        Link other = requestLink("Break glass 5");
        String otherCsrf = csrfOf(given().get(other.path()).asString());
        given().formParam("csrf", otherCsrf)
                .formParam("kind", "CUSTODY")
                .formParam("statement", "forged")
                .post(link.path())
                .then()
                .statusCode(403);

        given().get(link.path()).then().statusCode(200);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + link.tenant() + "/accounts/" + link.account() + "/attestations")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void invalidFormInputShowsTheFormAgainWithoutUsingTheLink() {
        Link link = requestLink("Break glass 6");
        String csrf = csrfOf(given().get(link.path()).asString());

        given().formParam("csrf", csrf)
                .formParam("kind", "CUSTODY")
                .formParam("statement", " ")
                .post(link.path())
                .then()
                .statusCode(400)
                .body(containsString("Write a statement."));
        given().get(link.path()).then().statusCode(200);
    }

    @Test
    void requestsGoOutWhenCustodyIsDueAndOnlyOncePerLiveLink() {
        Link link = requestLink("Break glass 7");
        notifier.clear();
        requests.sweep();
        assertThat(notifier.emails().stream().filter(m -> link.account().equals(m.data().get("accountId"))))
                .isEmpty();
        given().get("/api/v1/tenants/" + link.tenant() + "/accounts/" + link.account() + "/attestations")
                .then()
                .statusCode(401);
    }

    @Test
    void custodyStatusCountsTheOpenRequestTurnsOverdueAfterTheDueDayAndRestartsWithTheAttestation() {
        Link link = requestLink("Break glass 8");
        java.time.LocalDate due = java.time.LocalDate.parse("2026-06-11"); // created 2026-06-01, every 10 days

        AttestationRequests.CustodyStatus requested = custodyStatus(link);
        assertThat(requested.lastAttestedAt()).as("never attested").isNull();
        assertThat(requested.dueDate()).as("inventoried plus the interval").isEqualTo(due);
        assertThat(requested.openRequests()).as("the link e-mailed to Ada").isEqualTo(1);
        assertThat(requested.overdue()).as("on day 7").isFalse();

        clock.set(CREATED.plus(Duration.ofDays(10)));
        assertThat(custodyStatus(link).overdue()).as("the due day itself is still in time").isFalse();
        clock.set(CREATED.plus(Duration.ofDays(10)).plus(Duration.ofHours(16)));
        assertThat(custodyStatus(link).overdue()).as("the day after the due day").isTrue();

        given().formParam("csrf", csrfOf(given().get(link.path()).asString()))
                .formParam("kind", "CUSTODY")
                .formParam("statement", "Sealed again.")
                .post(link.path())
                .then()
                .statusCode(201);
        AttestationRequests.CustodyStatus attested = custodyStatus(link);
        assertThat(attested.lastAttestedAt()).isEqualTo(clock.instant());
        assertThat(attested.lastAttestedBy()).isEqualTo(ADA);
        assertThat(attested.dueDate()).isEqualTo(java.time.LocalDate.parse("2026-06-22"));
        assertThat(attested.openRequests()).as("the used link is no longer open").isZero();
        assertThat(attested.overdue()).isFalse();
    }

    private AttestationRequests.CustodyStatus custodyStatus(Link link) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            io.glasswarden.accounts.EmergencyAccount account = io.glasswarden.accounts.EmergencyAccount
                    .findById(java.util.UUID.fromString(link.account()));
            return requests.custodyStatus(account.tenant(), account);
        });
    }

    private record Link(String tenant, String account, String token) {
        String path() {
            return "/attest/" + token;
        }
    }

    /** A tenant due for custody attestation and the link e-mailed to its custodian. */
    private Link requestLink(String accountName) {
        clock.set(CREATED);
        String tenant = Inventory.tenant(Map.of("attestationIntervalDays", 10, "reminderLeadDays", 3));
        String[] account = Inventory.named(tenant, accountName, ADA);
        notifier.clear();
        clock.set(CREATED.plus(Duration.ofDays(6)));
        requests.sweep();
        assertThat(notifier.emails().stream().filter(m -> account[0].equals(m.data().get("accountId")))).isEmpty();

        clock.set(CREATED.plus(Duration.ofDays(7)));
        requests.sweep();
        OutgoingEmail mail = notifier.emails()
                .stream()
                .filter(m -> account[0].equals(m.data().get("accountId")))
                .findFirst()
                .orElseThrow();
        assertThat(mail.to()).isEqualTo(ADA);
        assertThat(mail.template()).isEqualTo("attestation-request");
        String url = (String) mail.data().get("attestationUrl");
        return new Link(tenant, account[0], url.substring(url.indexOf("/attest/") + "/attest/".length()));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
