package io.glasswarden.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.glasswarden.testing.WireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(DeliveryProfile.class)
class WebhookDeliveryTest {

    @Inject
    Notifier notifier;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    MovableClock clock;

    @Test
    void eventArrivesAsSignedCloudEventThatTheReceiverCanVerify() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String secret = subscribe(path, List.of("io.glasswarden.sign-in.*"));

        publish("io.glasswarden.sign-in.detected", "BG-01");
        publish("io.glasswarden.drill.due", "BG-01");
        dispatcher.dispatchDue();

        List<LoggedRequest> requests = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).as("only the subscribed type").hasSize(1);
        LoggedRequest request = requests.get(0);
        String body = request.getBodyAsString();
        // What a receiver does with any Standard Webhooks verifier (spec/standard-webhooks.md, "Signature scheme",
        // "Verifying signatures"), recomputed here independently: key = base64-decoded part after "whsec_", content
        // "<webhook-id>.<webhook-timestamp>.<raw body>", signature "v1," + base64(HMAC-SHA256), timestamp fresh.
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(secret).startsWith("whsec_");
        assertThat(request.getHeader("webhook-signature")).isEqualTo(standardSignature(secret, id, timestamp, body));
        assertThat(Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs())
                .isLessThan(Duration.ofMinutes(5));
        assertThat(id).as("the outbox message id: the same on every retry").matches("[0-9a-f-]{36}");
        assertThat(request.getHeader("X-Glasswarden-Signature")).as("former headers only for gws_ secrets").isNull();
        assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");

        JsonNode event = new ObjectMapper().readTree(body);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("source").asText()).isEqualTo("https://glasswarden.test");
        assertThat(event.path("type").asText()).isEqualTo("io.glasswarden.sign-in.detected");
        assertThat(event.path("subject").asText()).isEqualTo("BG-01");
        assertThat(event.path("time").asText()).isNotBlank();
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("ipAddress").asText()).isEqualTo("203.0.113.7");
    }

    @Test
    void receiverErrorIsRetriedUntilItAccepts() {
        String path = "/hooks/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        subscribe(path, List.of());

        publish("io.glasswarden.drill.overdue", "BG-02");
        dispatcher.dispatchDue();
        WireMockResource.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        dispatcher.dispatchDue();
        assertThat(WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)))).as("waits for backoff")
                .hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        List<LoggedRequest> requests = WireMockResource.server().findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).as("the same event, byte for byte")
                .isEqualTo(requests.get(0).getBodyAsString());
    }

    /** The Standard Webhooks v1 signature, computed as a receiver would, without Glasswarden's code. */
    static String standardSignature(String whsecSecret, String id, String timestamp, String body) throws Exception {
        byte[] key = java.util.Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        byte[] signature = mac
                .doFinal((id + "." + timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v1," + java.util.Base64.getEncoder().encodeToString(signature);
    }

    private String subscribe(String path, List<String> types) {
        return ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", WireMockResource.baseUrl() + path, "eventTypes", types))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private void publish(String type, String subject) {
        QuarkusTransaction.requiringNew()
                .run(() -> notifier.publish(new OutgoingEvent(type,
                        "72f988bf-86f1-41af-91ab-2d7cd011db47", subject, Map.of("ipAddress", "203.0.113.7"))));
    }
}
