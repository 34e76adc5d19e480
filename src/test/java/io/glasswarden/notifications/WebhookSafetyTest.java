package io.glasswarden.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.glasswarden.testing.MovableClock;
import io.glasswarden.testing.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 9, finding 5: webhooks must not reach internal targets, must not act as a port-probe oracle, must be
 * recorded in the ledger, keep their secrets encrypted, and sign as Standard Webhooks specify (with two secrets during
 * a rotation). Loopback is allowed in this profile (the receiver is WireMock on this machine); every other internal
 * target is refused as by default. Each test uses its own event type and deletes its subscriptions, so that no other
 * test's dispatch calls them.
 */
@QuarkusTest
@TestProfile(DeliveryProfile.class)
class WebhookSafetyTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final String REFUSED = "must be an https URL of a receiver outside internal networks"
            + " (see glasswarden.webhooks.allowed-targets)";

    @Inject
    Notifier notifier;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    MovableClock clock;
    @Inject
    FakeDns dns;
    @Inject
    EntityManager em;
    @Inject
    WebhookSecrets secrets;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteSubscriptions() {
        created.forEach(id -> ApiKeys.as(Roles.ADMIN).delete(WEBHOOKS + "/" + id));
    }

    @Test
    void internalTargetsAreRefusedAtRegistrationWithOneAnswerAndNothingStored() {
        dns.answer("metadata.attacker.example", "169.254.169.254");
        dns.answer("mixed.attacker.example", "93.184.215.14", "10.0.0.5");
        dns.answer("ula.attacker.example", "fd00::1");
        dns.answer("cgnat.attacker.example", "100.64.0.9");
        int databasePort = URI.create(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length())).getPort();
        long before = total();

        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://metadata.attacker.example/",
                "https://mixed.attacker.example/hook", "https://ula.attacker.example/",
                "https://cgnat.attacker.example/",
                "https://kubernetes.default.svc/api", "https://kubernetes.default.svc.cluster.local/",
                "https://glasswarden-db.glasswarden.svc:5432/", "https://postgres/", "https://10.0.0.1/",
                "https://[fd00::1]/", "https://[::ffff:169.254.169.254]/", "https://0.0.0.0/",
                // loopback is allowed in this profile, the database's port on it never is
                "http://127.0.0.1:" + databasePort + "/", "http://localhost:" + databasePort + "/")) {
            ApiKeys.as(Roles.ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", url))
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", equalTo(REFUSED));
        }
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterRegistrationIsNeverCalled() {
        String type = eventType();
        dns.answer("rebind.attacker.example", "93.184.215.14");
        subscribe("https://rebind.attacker.example/hook", type);
        dns.answer("rebind.attacker.example", "169.254.169.254");

        try (LogCapture log = LogCapture.start()) {
            publish(type);
            dispatcher.dispatchDue();

            assertThat(lastError("https://rebind.attacker.example/hook")).isEqualTo("webhook delivery failed");
            assertThat(log.text()).as("refused by the check at connection time, not a network error")
                    .contains("target rebind.attacker.example refused: it resolves to an internal address");
        }
    }

    @Test
    void everyKindOfDeliveryFailureLeavesTheSameNeutralError() throws Exception {
        String type = eventType();
        String path = "/safety/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlEqualTo(path + "/500")).willReturn(aResponse().withStatus(500)));
        WireMockResource.server()
                .stubFor(post(urlEqualTo(path + "/slow"))
                        .willReturn(aResponse().withStatus(204).withFixedDelay(7_000)));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int wireMockPort = URI.create(WireMockResource.baseUrl()).getPort();
        dns.answer("rebind2.attacker.example", "93.184.215.14");
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("non-2xx answer", WireMockResource.baseUrl() + path + "/500");
        urls.put("timeout", WireMockResource.baseUrl() + path + "/slow");
        urls.put("connection refused", "http://localhost:" + closedPort + "/hook");
        urls.put("TLS handshake failure", "https://localhost:" + wireMockPort + path);
        urls.put("name does not resolve", "https://receiver.glasswarden.invalid/hook");
        urls.put("internal address at send time", "https://rebind2.attacker.example/hook");
        urls.values().forEach(url -> subscribe(url, type));
        dns.answer("rebind2.attacker.example", "10.1.2.3");

        publish(type);
        dispatcher.dispatchDue();

        urls.forEach((kind, url) -> assertThat(lastError(url)).as(kind).isEqualTo("webhook delivery failed"));
    }

    @Test
    void createRotateAndDeleteAreRecordedInTheLedgerWithoutTheSecret() {
        Response response = createResponse("https://hooks.example.test/ledger", eventType());
        String id = response.path("id");
        String first = response.path("secret");
        String second = ApiKeys.as(Roles.ADMIN)
                .post(WEBHOOKS + "/" + id + "/rotate-secret")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .path("secret");
        ApiKeys.as(Roles.ADMIN).delete(WEBHOOKS + "/" + id).then().statusCode(204);

        assertThat(LedgerTypes.of(id)).containsExactly("WEBHOOK_CREATED", "WEBHOOK_SECRET_ROTATED",
                "WEBHOOK_DELETED");
        String data = String.join("\n", QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select data from ledger_entries where subject_id = ?1")
                        .setParameter(1, id)
                        .getResultList()
                        .stream()
                        .map(Object::toString)
                        .toList()));
        assertThat(data).contains("https://hooks.example.test/ledger")
                .doesNotContain(first.substring(6))
                .doesNotContain(second.substring(6));
        ApiKeys.as(Roles.ADMIN)
                .post(WEBHOOKS + "/" + UUID.randomUUID() + "/rotate-secret")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR).post(WEBHOOKS + "/" + id + "/rotate-secret").then().statusCode(403);
        given().post(WEBHOOKS + "/" + id + "/rotate-secret").then().statusCode(401);
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        String type = eventType();
        String path = "/safety/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        Response response = createResponse(WireMockResource.baseUrl() + path, type);
        String id = response.path("id");
        String old = response.path("secret");
        Response rotated = ApiKeys.as(Roles.ADMIN).post(WEBHOOKS + "/" + id + "/rotate-secret");
        rotated.then().statusCode(200);
        String current = rotated.path("secret");
        assertThat(Instant.parse(rotated.path("previousSecretValidUntil")))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        publish(type);
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(25));
        publish(type);
        dispatcher.dispatchDue();

        List<LoggedRequest> requests = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getHeader("webhook-signature")).as("new and former secret, space-separated")
                .isEqualTo(signature(current, requests.get(0)) + " " + signature(old, requests.get(0)));
        assertThat(requests.get(1).getHeader("webhook-signature")).as("the former secret expired")
                .isEqualTo(signature(current, requests.get(1)));
    }

    @Test
    void secretsAreEncryptedAtRestAndPlaintextOnesAreReencryptedAtStart() throws Exception {
        String type = eventType();
        Response response = createResponse("https://hooks.example.test/encrypted", type);
        String secret = response.path("secret");
        assertThat(storedSecret(response.path("id"))).startsWith("gwenc1:test-1:")
                .doesNotContain(secret.substring(6));

        // a subscription from before V13: gws_ secret in plaintext
        String path = "/safety/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String legacy = "gws_" + "L".repeat(43);
        UUID legacyId = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into webhook_subscriptions (id, url, event_types, secret, created_at, created_by)
                        values (?1, ?2, cast(?3 as jsonb), ?4, now(), 'before-v13')""")
                        .setParameter(1, legacyId)
                        .setParameter(2, WireMockResource.baseUrl() + path)
                        .setParameter(3, "[\"" + type + "\"]")
                        .setParameter(4, legacy)
                        .executeUpdate());
        created.add(legacyId.toString());

        secrets.reencryptOnStart(null);
        assertThat(storedSecret(legacyId.toString())).startsWith("gwenc1:test-1:").doesNotContain(legacy);

        publish(type);
        dispatcher.dispatchDue();
        LoggedRequest request = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path))).get(0);
        // Standard Webhooks with the equivalent whsec_ secret, and the former headers for existing receivers
        String equivalent = "whsec_" + Base64.getEncoder().encodeToString(legacy.getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("webhook-signature")).isEqualTo(signature(equivalent, request));
        String timestamp = request.getHeader("X-Glasswarden-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(legacy.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.getHeader("X-Glasswarden-Signature")).isEqualTo("sha256=" + HexFormat.of()
                .formatHex(mac.doFinal((timestamp + "." + request.getBodyAsString())
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(request.getHeader("X-Glasswarden-Delivery")).isEqualTo(request.getHeader("webhook-id"));
    }

    private static String signature(String secret, LoggedRequest request) throws Exception {
        return WebhookDeliveryTest.standardSignature(secret, request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getBodyAsString());
    }

    private static String eventType() {
        return "io.glasswarden.test.t" + UUID.randomUUID().toString().replace("-", "");
    }

    private void subscribe(String url, String type) {
        createResponse(url, type);
    }

    private Response createResponse(String url, String type) {
        Response response = ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(type)))
                .post(WEBHOOKS);
        response.then().statusCode(201);
        created.add(response.path("id"));
        return response;
    }

    private void publish(String type) {
        QuarkusTransaction.requiringNew()
                .run(() -> notifier.publish(new OutgoingEvent(type, "72f988bf-86f1-41af-91ab-2d7cd011db47", "BG-01",
                        Map.of("ipAddress", "203.0.113.7"))));
    }

    private String lastError(String url) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select last_error from outbox_messages where destination = ?1")
                        .setParameter(1, url)
                        .getResultList());
        assertThat(rows).as("one message to %s", url).hasSize(1);
        return (String) rows.get(0);
    }

    private String storedSecret(String id) {
        return (String) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select secret from webhook_subscriptions where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult());
    }

    private static long total() {
        return ApiKeys.as(Roles.ADMIN).get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
