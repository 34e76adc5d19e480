package io.glasswarden.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.SignIn;
import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The whole drill cycle, day by day, driven by the movable clock and the sweep (not by waiting for Quartz). */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class DrillReminderCadenceTest {

    private static final String ADA = "ada@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String ESCALATION = "soc@contoso.com";

    @Inject
    MovableClock clock;
    @Inject
    RecordingNotifier notifier;
    @Inject
    FakeDirectory directory;
    @Inject
    DrillReminders reminders;

    @Test
    void remindersFollowTheCycleOncePerPersonPerDayAndRestartAfterASucceededDrill() {
        clock.set(Instant.parse("2026-01-01T09:00:00Z"));
        String tenant = Inventory.tenant(Map.of("drillIntervalDays", 10, "reminderLeadDays", 3, "escalationContacts",
                List.of(ESCALATION)));
        String[] account = Inventory.account(tenant, ADA, BOB);

        // Created 2026-01-01: due 2026-01-11, lead reminder 2026-01-08, overdue from 2026-01-12 (escalated daily).
        assertThat(mailsOn(account[0], "2026-01-01", "2026-01-07")).isEmpty();
        assertThat(mailsOn(account[0], "2026-01-08", "2026-01-08")).containsExactlyInAnyOrder(
                "2026-01-08 REMINDER " + ADA, "2026-01-08 REMINDER " + BOB);
        assertThat(mailsOn(account[0], "2026-01-09", "2026-01-10")).isEmpty();
        assertThat(mailsOn(account[0], "2026-01-11", "2026-01-11")).containsExactlyInAnyOrder(
                "2026-01-11 DUE " + ADA, "2026-01-11 DUE " + BOB);
        assertThat(mailsOn(account[0], "2026-01-12", "2026-01-13")).containsExactlyInAnyOrder(
                "2026-01-12 OVERDUE " + ADA, "2026-01-12 OVERDUE " + BOB, "2026-01-12 OVERDUE " + ESCALATION,
                "2026-01-13 OVERDUE " + ADA, "2026-01-13 OVERDUE " + BOB, "2026-01-13 OVERDUE " + ESCALATION);

        // A succeeded, verified drill on 2026-01-14 restarts the cycle: next due 2026-01-24, reminder 2026-01-21.
        clock.set(Instant.parse("2026-01-14T08:00:00Z"));
        Instant performedAt = Instant.parse("2026-01-14T07:30:00Z");
        directory.add(tenant,
                new SignIn("drill-sign-in-" + account[1], account[1], null, performedAt.plusSeconds(60), 0,
                        null, true, "Azure Portal", "192.0.2.1"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("performedAt", performedAt.toString(), "performedBy", ADA, "outcome", "SUCCEEDED",
                        "credentialUsed", "key A"))
                .post("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/drills")
                .then()
                .statusCode(201);

        assertThat(mailsOn(account[0], "2026-01-14", "2026-01-20")).isEmpty();
        assertThat(mailsOn(account[0], "2026-01-21", "2026-01-21")).containsExactlyInAnyOrder(
                "2026-01-21 REMINDER " + ADA, "2026-01-21 REMINDER " + BOB);
    }

    /** Sweeps three times a day from {@code from} to {@code to} and lists "day STAGE recipient" for the account. */
    private List<String> mailsOn(String accountId, String from, String to) {
        List<String> sent = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            for (int hour : new int[]{0, 10, 23}) {
                clock.set(day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(Duration.ofHours(hour)));
                notifier.clear();
                reminders.sweep();
                for (OutgoingEmail mail : notifier.emails()) {
                    if (accountId.equals(mail.data().get("accountId"))) {
                        assertThat(mail.template()).startsWith("drill-");
                        assertThat(mail.deduplicationKey()).isEqualTo("drill:" + accountId + ":" + mail.to() + ":"
                                + day);
                        sent.add(day + " " + mail.data().get("stage") + " " + mail.to());
                    }
                }
            }
        }
        return sent;
    }
}
