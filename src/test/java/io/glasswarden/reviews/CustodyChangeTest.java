package io.glasswarden.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Removing or replacing a custodian makes a drill due now and asks the remaining custodians to attest custody. */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
class CustodyChangeTest {

    @Inject
    MovableClock clock;
    @Inject
    RecordingNotifier notifier;

    @Test
    void replacingACustodianMakesADrillDueNowAndAsksTheRemainingCustodiansToAttest() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com", "bob@contoso.com");
        clock.advance(Duration.ofDays(3));
        assertThat(drillStatus(tenant, account[0])).isEqualTo("UPCOMING");
        notifier.clear();

        // adding a custodian is no custody change
        patchCustodians(tenant, account[0], List.of("ada@contoso.com", "bob@contoso.com", "cy@contoso.com"));
        assertThat(drillStatus(tenant, account[0])).isEqualTo("UPCOMING");
        assertThat(notifier.emails()).isEmpty();

        // bob is replaced by dee
        patchCustodians(tenant, account[0], List.of("ada@contoso.com", "cy@contoso.com", "dee@contoso.com"));

        assertThat(drillStatus(tenant, account[0])).isEqualTo("DUE");
        assertThat(notifier.emails()).extracting(OutgoingEmail::to)
                .containsExactlyInAnyOrder("ada@contoso.com", "cy@contoso.com", "dee@contoso.com");
        assertThat(notifier.emails()).allSatisfy(e -> {
            assertThat(e.template()).isEqualTo("attestation-request");
            assertThat(e.subject()).startsWith("Custody changed");
            assertThat((String) e.data().get("reason")).contains("bob@contoso.com");
        });
        assertThat(LedgerTypes.of(account[0])).contains("CUSTODY_CHANGED");

        // a drill after the change restarts the normal cycle
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("performedAt", clock.instant().toString(), "performedBy", "ada@contoso.com", "outcome",
                        "SUCCEEDED", "credentialUsed", "key A"))
                .post("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/drills")
                .then()
                .statusCode(201);
        assertThat(drillStatus(tenant, account[0])).isEqualTo("UPCOMING");
    }

    private static void patchCustodians(String tenant, String accountId, List<String> emails) {
        String path = "/api/v1/tenants/" + tenant + "/accounts/" + accountId;
        String etag = ApiKeys.as(Roles.AUDITOR).get(path).header("ETag");
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("custodians", emails.stream().map(e -> Map.of("name", e, "email", e)).toList()))
                .patch(path)
                .then()
                .statusCode(200);
    }

    private static String drillStatus(String tenant, String accountId) {
        return ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .get("/api/v1/drills")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.accountId == '" + accountId + "' }.status");
    }
}
