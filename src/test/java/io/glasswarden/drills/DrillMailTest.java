package io.glasswarden.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.glasswarden.attestations.AttestationRequests;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.MailProfile;
import io.glasswarden.notifications.OutboxDispatcher;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Reminders through the real outbox to a real SMTP server: sweeps running at the same time (as on two instances)
 * deliver one mail per person, account and day; the attestation request's link opens the form.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class DrillMailTest {

    @Inject
    MovableClock clock;
    @Inject
    DrillReminders reminders;
    @Inject
    AttestationRequests attestationRequests;
    @Inject
    OutboxDispatcher dispatcher;

    @Test
    void concurrentSweepsDeliverOneMailPerPersonPerAccountPerDay() throws Exception {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        String tenant = Inventory.tenant(Map.of("drillIntervalDays", 10, "reminderLeadDays", 3, "escalationContacts",
                List.of("soc@contoso.com")));
        Inventory.named(tenant, "Break glass mail", "ada@contoso.com", "bob@contoso.com");
        clock.set(Instant.parse("2026-09-12T10:00:00Z")); // first overdue day
        GreenMailResource.greenMail().purgeEmailFromAllMailboxes();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> sweep = reminders::sweep;
            List<Future<Integer>> runs = pool.invokeAll(List.of(sweep, sweep, sweep, sweep));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        while (dispatcher.dispatchDue() > 0) {
            // until the outbox is drained
        }

        List<String> received = Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> subject(m).contains("Break glass mail"))
                .map(m -> recipient(m) + " " + subject(m))
                .toList();
        assertThat(received).containsExactlyInAnyOrder(
                "ada@contoso.com Emergency access drill overdue by 1 days: Break glass mail",
                "bob@contoso.com Emergency access drill overdue by 1 days: Break glass mail",
                "soc@contoso.com Emergency access drill overdue by 1 days: Break glass mail");
    }

    /** Issue 4's acceptance: the custodian gets the mail, follows the link, attests; everyone can see it. */
    @Test
    void custodianAttestsFromTheMailedLinkAndTheAttestationReachesAccountLedgerAndEvidence() throws Exception {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        String tenant = Inventory.tenant(Map.of("attestationIntervalDays", 5, "reminderLeadDays", 2));
        String accountId = Inventory.named(tenant, "Break glass attest", "carol@contoso.com")[0];
        clock.set(Instant.parse("2026-10-04T09:00:00Z"));
        GreenMailResource.greenMail().purgeEmailFromAllMailboxes();

        attestationRequests.sweep();
        while (dispatcher.dispatchDue() > 0) {
            // until the outbox is drained
        }

        MimeMessage mail = Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> subject(m).contains("Break glass attest"))
                .findFirst()
                .orElseThrow();
        assertThat(recipient(mail)).isEqualTo("carol@contoso.com");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("https://glasswarden\\.test(/attest/[A-Za-z0-9._-]+)")
                .matcher(body);
        assertThat(link.find()).isTrue();
        String form = RestAssured.given().get(link.group(1)).then().statusCode(200).extract().asString();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).isTrue();

        RestAssured.given()
                .formParam("csrf", csrf.group(1))
                .formParam("kind", "CUSTODY")
                .formParam("statement", "Key A sighted in safe 1, seal 0815 intact.")
                .formParam("keysSighted", "key A")
                .post(link.group(1))
                .then()
                .statusCode(201);

        String account = "/api/v1/tenants/" + tenant + "/accounts/" + accountId;
        ApiKeys.as(Roles.AUDITOR)
                .get(account + "/attestations")
                .then()
                .statusCode(200)
                .body("items[0].attestedBy", org.hamcrest.Matchers.equalTo("carol@contoso.com"))
                .body("items[0].statement",
                        org.hamcrest.Matchers.equalTo("Key A sighted in safe 1, seal 0815 intact."));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(200)
                .body("items.type", org.hamcrest.Matchers.hasItem("ATTESTATION_RECORDED"));
        String evidence = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/evidence")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(evidence).contains("Key A sighted in safe 1, seal 0815 intact.").contains("ATTESTATION_RECORDED");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
