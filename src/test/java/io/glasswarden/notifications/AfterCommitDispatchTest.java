package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** With the default configuration, a committed e-mail leaves without waiting for the scheduled dispatch. */
@QuarkusTest
class AfterCommitDispatchTest {

    @Inject
    Notifier notifier;
    @Inject
    MockMailbox mailbox;

    @Test
    void emailIsSentRightAfterTheQueueingTransactionCommits() {
        String to = "after-commit-" + UUID.randomUUID() + "@contoso.test";

        QuarkusTransaction.requiringNew()
                .run(() -> notifier.email(new OutgoingEmail(to,
                        "Attestation requested: BG-01", "attestation-request",
                        Map.of("recipientName", "Ada", "tenantName",
                                "Contoso", "accountName", "BG-01", "kind", "CUSTODY", "attestationUrl",
                                "https://glasswarden.test/a/1", "expiresAt", "2026-05-09"),
                        null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailbox.getMailsSentTo(to)).hasSize(1));
        assertThat(mailbox.getMailsSentTo(to).get(0).getSubject()).isEqualTo("Attestation requested: BG-01");
        assertThat(mailbox.getMailsSentTo(to).get(0).getText()).contains("https://glasswarden.test/a/1");
    }
}
