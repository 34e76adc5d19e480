package io.glasswarden.attestations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Attestation form bodies that cannot be decoded or stored (issue 9, finding 4): a 400 problem, the link stays usable,
 * nothing is recorded, and the link token (a credential) appears in no log line at any level.
 */
@QuarkusTest
class AttestationFormInputTest {

    private static final String ADA = "form-input-ada@contoso.com";

    @Inject
    AttestationLinks links;

    @Test
    void malformedPercentEscapeIsABadRequestAndTheTokenIsNeverLogged() {
        Link link = newLink();
        String csrf = csrfOf(given().get(link.path()).asString());

        String logged;
        try (LogCapture logs = LogCapture.start()) {
            for (String body : new String[]{"csrf=" + csrf + "&kind=CUSTODY&statement=50%25%zz",
                    "csrf=" + csrf + "&kind=CUSTODY&statement=%", "csrf=" + csrf + "&kind=CUSTODY&statement=%e",
                    "csrf=%G0&kind=CUSTODY&statement=x"}) {
                given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                        .body(body)
                        .post(link.path())
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://glasswarden.io/problems/malformed-request"));
            }
            logged = logs.text();
        }
        assertThat(logged).doesNotContain(link.token()).doesNotContain(link.token().split("\\.")[2]);
        assertNothingRecordedAndLinkUsable(link);
    }

    @Test
    void nulCharacterInTheStatementIsRefusedAndTheLinkStaysUsable() {
        Link link = newLink();
        String csrf = csrfOf(given().get(link.path()).asString());

        String logged;
        try (LogCapture logs = LogCapture.start()) {
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body("csrf=" + csrf + "&kind=CUSTODY&statement=in+safe%00")
                    .post(link.path())
                    .then()
                    .statusCode(400)
                    .body(containsString("cannot be stored"));
            logged = logs.text();
        }
        assertThat(logged).doesNotContain(link.token());
        assertNothingRecordedAndLinkUsable(link);
    }

    private void assertNothingRecordedAndLinkUsable(Link link) {
        given().get(link.path()).then().statusCode(200);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + link.tenant() + "/accounts/" + link.account() + "/attestations")
                .then()
                .body("total", equalTo(0));
    }

    private record Link(String tenant, String account, String token) {
        String path() {
            return "/attest/" + token;
        }
    }

    private Link newLink() {
        String tenant = Inventory.tenant(Map.of());
        String account = Inventory.account(tenant, ADA)[0];
        String token = QuarkusTransaction.requiringNew()
                .call(() -> links.issue(EmergencyAccount.findById(UUID.fromString(account)), ADA));
        return new Link(tenant, account, token);
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
