package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(DeliveryProfile.class)
class OutboxDispatcherTest {

    @Inject
    Notifier notifier;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    MovableClock clock;
    @Inject
    EntityManager em;

    @Test
    void emailIsQueuedInTheTransactionAndSentAsHtmlWithPlainText() throws Exception {
        String to = unique("ada");
        queue(to, null);
        assertThat(received(to)).isEmpty();

        dispatcher.dispatchDue();

        List<MimeMessage> messages = received(to);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getSubject()).isEqualTo("Drill due: BG-01");
        String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(messages.get(0));
        assertThat(raw).contains("text/plain").contains("text/html").contains("BG-01").contains("Contoso");
        assertThat(status(to)).isEqualTo("SENT");
    }

    @Test
    void emailOfARolledBackTransactionIsNeverSent() {
        String to = unique("rollback");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            notifier.email(email(to, null));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        dispatcher.dispatchDue();

        assertThat(received(to)).isEmpty();
        assertThat(status(to)).isNull();
    }

    @Test
    void deduplicationKeyQueuesAMessageOnce() {
        String to = unique("dedup");
        String key = "reminder:" + to + ":2026-05-02";
        assertThat(queue(to, key)).isTrue();
        assertThat(queue(to, key)).isFalse();

        dispatcher.dispatchDue();
        assertThat(queue(to, key)).as("still a duplicate once sent").isFalse();
        dispatcher.dispatchDue();

        assertThat(received(to)).hasSize(1);
    }

    @Test
    void nothingIsLostWhileSmtpIsDown() {
        String to = unique("outage");
        GreenMailResource.stopServer();
        try {
            queue(to, null);
            dispatcher.dispatchDue();
            assertThat(status(to)).isEqualTo("PENDING");
            assertThat(attempts(to)).isEqualTo(1);
            assertThat(lastError(to)).startsWith("SMTP");
        } finally {
            GreenMailResource.restart();
        }

        dispatcher.dispatchDue();
        assertThat(received(to)).as("not due before its backoff").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();

        assertThat(received(to)).as("sent once SMTP is back (%s)", row(to)).hasSize(1);
        assertThat(status(to)).isEqualTo("SENT");
        assertThat(attempts(to)).isEqualTo(2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // without smtp-timeout the attempt would wait for ever
    void anSmtpServerThatNeverAnswersFailsTheAttemptWithinTheSmtpTimeout() throws Exception {
        String to = unique("silent");
        GreenMailResource.stopServer();
        try (ServerSocket silent = GreenMailResource.silentServer()) {
            queue(to, null);
            dispatcher.dispatchDue();

            assertThat(status(to)).isEqualTo("PENDING");
            assertThat(attempts(to)).isEqualTo(1);
            assertThat(lastError(to)).startsWith("SMTP").contains("Timeout");
        } finally {
            GreenMailResource.restart();
        }
    }

    @Test
    void failingMessageBacksOffExponentiallyAndIsDeadLetteredAfterTheLimit() {
        String to = unique("doomed");
        GreenMailResource.stopServer();
        try {
            queue(to, null);
            assertThat(gauge("glasswarden_outbox_pending")).isEqualTo(count("PENDING")).isGreaterThanOrEqualTo(1);

            Instant first = clock.instant();
            dispatcher.dispatchDue();
            Duration firstDelay = Duration.between(first, nextAttempt(to));
            assertThat(firstDelay).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));

            clock.advance(firstDelay);
            Instant second = clock.instant();
            dispatcher.dispatchDue();
            Duration secondDelay = Duration.between(second, nextAttempt(to));
            assertThat(secondDelay).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
            assertThat(status(to)).isEqualTo("PENDING");

            clock.advance(secondDelay);
            dispatcher.dispatchDue();
            assertThat(status(to)).as(row(to)).isEqualTo("DEAD");
            assertThat(attempts(to)).isEqualTo(3);
            assertThat(gauge("glasswarden_outbox_dead_letters")).as("counted in the shared outbox")
                    .isEqualTo(count("DEAD"))
                    .isGreaterThanOrEqualTo(1);

            clock.advance(Duration.ofHours(1));
            dispatcher.dispatchDue();
            assertThat(attempts(to)).as("dead letters are not retried").isEqualTo(3);
        } finally {
            GreenMailResource.restart();
        }
    }

    @Test
    void twoConcurrentDispatchersSendEachMessageOnce() throws Exception {
        String prefix = unique("burst");
        // 200 new SMTP connections (the profile has no keep-alive): none may lose the server's greeting.
        for (int i = 0; i < 200; i++) {
            queue(i + "." + prefix, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> dispatch = () -> {
            start.await();
            return dispatcher.dispatchDue();
        };
        int sent = 0;
        for (var result : pool.invokeAll(List.of(dispatch, dispatch))) {
            sent += result.get();
        }
        pool.shutdown();

        List<String> recipients = Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .map(OutboxDispatcherTest::recipient)
                .filter(recipient -> recipient.endsWith("." + prefix))
                .toList();
        assertThat(recipients).hasSize(200).doesNotHaveDuplicates();
        assertThat(sent).isEqualTo(200);
    }

    private boolean queue(String to, String deduplicationKey) {
        return QuarkusTransaction.requiringNew().call(() -> notifier.email(email(to, deduplicationKey)));
    }

    private static OutgoingEmail email(String to, String deduplicationKey) {
        return new OutgoingEmail(to, "Drill due: BG-01", "drill-due", Map.of("recipientName", "Ada", "tenantName",
                "Contoso", "accountName", "BG-01", "dueDate", "2026-05-02"), deduplicationKey);
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
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String to) {
        return (String) column("status", to);
    }

    private int attempts(String to) {
        return ((Number) column("attempts", to)).intValue();
    }

    private String lastError(String to) {
        return (String) column("last_error", to);
    }

    private Instant nextAttempt(String to) {
        Object value = column("next_attempt_at", to);
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private String row(String to) {
        return "status " + status(to) + ", attempts " + attempts(to) + ", last error " + lastError(to);
    }

    private double count(String status) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_messages where status = ?1")
                        .setParameter(1, status)
                        .getSingleResult()).doubleValue());
    }

    private Object column(String column, String to) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em
                        .createNativeQuery("select " + column + " from outbox_messages where destination = ?1")
                        .setParameter(1, to)
                        .getResultList());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static double gauge(String name) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> lines = new ArrayList<>(metrics.lines()
                .filter(line -> line.startsWith(name + " ")
                        || line.startsWith(name + "{"))
                .toList());
        assertThat(lines).as(name).hasSize(1);
        return Double.parseDouble(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
    }
}
