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
 * (no keep-alive), the harshest setting for connection set-up.
 */
public class DeliveryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "glasswarden.notifications.max-attempts", "3",
                "glasswarden.notifications.initial-backoff", "1m",
                "glasswarden.notifications.max-backoff", "10m",
                "glasswarden.notifications.batch-size", "100",
                "glasswarden.notifications.webhook-timeout", "5s",
                "glasswarden.notifications.smtp-timeout", "3s",
                "quarkus.mailer.keep-alive", "false",
                "glasswarden.notifications.dispatch-after-commit", "false",
                "glasswarden.webhooks.allow-insecure-localhost", "true",
                "glasswarden.public-url", "https://glasswarden.test");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class), new TestResourceEntry(WireMockResource.class));
    }
}
