package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.EmbeddedPostgresResource;
import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Faults while the outbox delivers (real SMTP, a real webhook receiver, the real database): what recipients receive,
 * that nothing queued is lost, and how duplicates of at-least-once delivery can be recognized. docs/reliability.md,
 * "Faults", tables the outcomes.
 */
@QuarkusTest
@TestProfile(DeliveryProfile.class)
class OutboxFaultsTest {

    @Inject
    Notifier notifier;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    MovableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void healthyAgain() {
        GreenMailResource.onAccepted(null);
    }

    @Test
    void postgresRestartDuringDispatchDeliversEveryMessageAfterwardsTheInterruptedOneTwiceWithOneMessageId()
            throws Exception {
        List<String> recipients = List.of(unique("restart-a"), unique("restart-b"), unique("restart-c"));
        recipients.forEach(this::queue);
        AtomicReference<String> interrupted = new AtomicReference<>();
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch restarting = new CountDownLatch(1);
        GreenMailResource.onAccepted(to -> {
            if (recipients.contains(to) && interrupted.compareAndSet(null, to)) {
                accepted.countDown();
                await(restarting); // PostgreSQL goes down while this message is between "accepted" and "sent"
            }
        });
        CompletableFuture<Integer> dispatch = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        assertThat(accepted.await(30, TimeUnit.SECONDS)).as("SMTP took the first message").isTrue();

        EmbeddedPostgresResource.stopServer();
        restarting.countDown();
        assertThatThrownBy(() -> dispatch.get(30, TimeUnit.SECONDS)).as("the dispatch could not mark it sent");
        EmbeddedPostgresResource.startServer();
        GreenMailResource.onAccepted(null);
        dispatcher.dispatchDue();

        String twice = interrupted.get();
        List<MimeMessage> copies = received(twice);
        assertThat(copies).as("at least once: sent again after the restart").hasSize(2);
        assertThat(copies).extracting(OutboxFaultsTest::messageId)
                .containsOnly("<" + outboxId(twice) + "@glasswarden.test>");
        recipients.stream().filter(to -> !to.equals(twice)).forEach(to -> assertThat(received(to)).hasSize(1));
        recipients.forEach(to -> assertThat(status(to)).isEqualTo("SENT"));
    }

    @Test
    void smtpAcceptsThenTheInstanceDiesBeforeMarkingSentSendsItAgainWithTheSameMessageId() {
        String to = unique("dies");
        queue(to);
        // What PostgreSQL sees when the instance dies right after SMTP accepted: the dispatching session ends, its
        // transaction (the claim and the row lock) rolls back.
        AtomicLong ended = new AtomicLong();
        GreenMailResource.onAccepted(recipient -> {
            if (recipient.equals(to)) {
                ended.set(terminateDispatchingSession());
            }
        });

        assertThatThrownBy(dispatcher::dispatchDue).as("the dying dispatch marks nothing");
        GreenMailResource.onAccepted(null);
        assertThat(ended).as("the dispatching session was ended").hasValue(1);
        assertThat(received(to)).hasSize(1);
        assertThat(status(to)).as("not marked sent").isEqualTo("PENDING");
        assertThat(attempts(to)).isZero();

        dispatcher.dispatchDue(); // another instance's dispatcher, or this one's next run

        List<MimeMessage> copies = received(to);
        assertThat(copies).as("at least once").hasSize(2);
        assertThat(copies).extracting(OutboxFaultsTest::messageId)
                .containsOnly("<" + outboxId(to) + "@glasswarden.test>");
        assertThat(status(to)).isEqualTo("SENT");
        assertThat(attempts(to)).isEqualTo(1);
    }

    @Test
    void aServiceClockTenMinutesAheadIsRefusedByReceiversUntilCorrectedThenTheSameWebhookIdArrivesFresh()
            throws Exception {
        Instant start = clock.instant();
        AtomicReference<Instant> receiverTime = new AtomicReference<>(start);
        List<Map<String, String>> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> secret = new AtomicReference<>();
        receiver.createContext("/hooks/skew", exchange -> verify(exchange, secret.get(), receiverTime.get(),
                deliveries));
        receiver.start();
        Map<String, String> subscription = subscribe("http://localhost:" + receiver.getAddress().getPort()
                + "/hooks/skew");
        secret.set(subscription.get("secret"));
        try {
            clock.set(start.plus(Duration.ofMinutes(10))); // this service's clock runs 10 minutes ahead
            publish("io.glasswarden.drill.overdue");

            dispatcher.dispatchDue();
            assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.get("answer")).isEqualTo("400"));
            UUID id = UUID.fromString(deliveries.get(0).get("webhook-id"));
            assertThat(webhookRow(id, "status")).isEqualTo("PENDING");
            assertThat(webhookRow(id, "last_error")).isEqualTo(WebhookDelivery.FAILED);

            // corrected: both clocks agree; the retry is due by the time it was scheduled at (skewed: +1 to +2 min)
            Instant later = start.plus(Duration.ofMinutes(12));
            receiverTime.set(later);
            clock.set(later);
            dispatcher.dispatchDue();
            assertThat(webhookRow(id, "status")).isEqualTo("SENT");
        } finally {
            receiver.stop(0);
            ApiKeys.as(Roles.ADMIN).delete("/api/v1/webhooks/" + subscription.get("id")).then().statusCode(204);
        }

        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(1).get("answer")).isEqualTo("204");
        assertThat(deliveries.get(1).get("webhook-id")).isEqualTo(deliveries.get(0).get("webhook-id"));
        assertThat(deliveries.get(1).get("webhook-timestamp")).isEqualTo(Long.toString(clock.instant()
                .getEpochSecond()));
        assertThat(deliveries.get(1).get("body")).isEqualTo(deliveries.get(0).get("body"));
    }

    /**
     * A Standard Webhooks receiver: signature over id, timestamp and body, and the timestamp within 5 minutes of its
     * own clock (WEBHOOK_TOLERANCE_IN_SECONDS, "Message timestamp too old/new", in the reference library
     * https://github.com/standard-webhooks/standard-webhooks/blob/main/libraries/javascript/src/index.ts); 400 else.
     */
    private static void verify(HttpExchange exchange, String secret, Instant now, List<Map<String, String>> seen)
            throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        boolean fresh = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) <= 5 * 60;
        boolean signed;
        try {
            signed = exchange.getRequestHeaders()
                    .getFirst("webhook-signature")
                    .equals(WebhookDeliveryTest.standardSignature(secret, id, timestamp, body));
        } catch (Exception e) {
            signed = false;
        }
        int answer = fresh && signed ? 204 : 400;
        seen.add(Map.of("webhook-id", id, "webhook-timestamp", timestamp, "body", body, "answer",
                Integer.toString(answer)));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    private static long terminateDispatchingSession() {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid,"
                        + " 5000)) from pg_stat_activity where pid <> pg_backend_pid() and state = 'idle in"
                        + " transaction' and query like '%from outbox_messages%skip locked%'")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The new subscription's id and secret. */
    private static Map<String, String> subscribe(String url) {
        var created = ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return Map.of("id", created.getString("id"), "secret", created.getString("secret"));
    }

    private void publish(String type) {
        QuarkusTransaction.requiringNew()
                .run(() -> notifier.publish(new OutgoingEvent(type, "72f988bf-86f1-41af-91ab-2d7cd011db47", "BG-01",
                        Map.of("dueDate", "2026-05-02"))));
    }

    private void queue(String to) {
        QuarkusTransaction.requiringNew()
                .run(() -> notifier.email(new OutgoingEmail(to, "Drill due: BG-01", "drill-due", Map.of(
                        "recipientName", "Ada", "tenantName", "Contoso", "accountName", "BG-01", "dueDate",
                        "2026-05-02"), null)));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@contoso.test";
    }

    private static List<MimeMessage> received(String to) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(message -> recipient(message).equals(to))
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String to) {
        return (String) column("status", to);
    }

    private int attempts(String to) {
        return ((Number) column("attempts", to)).intValue();
    }

    private UUID outboxId(String to) {
        return (UUID) column("id", to);
    }

    private Object column(String column, String to) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select " + column + " from outbox_messages where destination = ?1")
                        .setParameter(1, to)
                        .getSingleResult());
    }

    private Object webhookRow(UUID id, String column) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select " + column + " from outbox_messages where id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
