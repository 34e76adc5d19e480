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
        String timestamp = request.getHeader("X-Glasswarden-Timestamp");
        // What a receiver does: recompute the HMAC over "<timestamp>.<raw body>" with its secret, compare, check age.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of()
                .formatHex(mac.doFinal((timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(request.getHeader("X-Glasswarden-Signature")).isEqualTo(expected);
        assertThat(Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs())
                .isLessThan(Duration.ofMinutes(5));
        assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(request.getHeader("X-Glasswarden-Delivery")).isNotBlank();

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
