package io.glasswarden.notifications;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.glasswarden.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Real SMTP (GreenMail) and a real webhook receiver (WireMock), a movable clock, three attempts per message and no
 * dispatch after commit, so that tests decide when the dispatcher runs. Every e-mail goes over a new SMTP connection
 * (no keep-alive), the harshest setting for connection set-up. Loopback receivers are allowed (WireMock); names
 * resolve through {@link FakeDns} where a test set an answer.
 */
public class DeliveryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("glasswarden.notifications.max-attempts", "3"),
                Map.entry("glasswarden.notifications.initial-backoff", "1m"),
                Map.entry("glasswarden.notifications.max-backoff", "10m"),
                Map.entry("glasswarden.notifications.batch-size", "100"),
                Map.entry("glasswarden.notifications.webhook-timeout", "5s"),
                Map.entry("glasswarden.notifications.smtp-timeout", "3s"),
                Map.entry("quarkus.mailer.keep-alive", "false"),
                Map.entry("glasswarden.notifications.dispatch-after-commit", "false"),
                Map.entry("glasswarden.webhooks.allow-insecure-localhost", "true"),
                // the receiver (WireMock) runs on this machine: loopback is refused unless allowed
                Map.entry("glasswarden.webhooks.allowed-targets", "localhost,127.0.0.0/8,::1"),
                Map.entry("glasswarden.public-url", "https://glasswarden.test"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class, FakeDns.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class), new TestResourceEntry(WireMockResource.class));
    }
}
