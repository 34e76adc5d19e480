package io.glasswarden.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glasswarden.testing.GreenMailResource;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Like {@link LifecycleProfile} but with the real outbox and a real SMTP server (GreenMail); tests dispatch. */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("glasswarden.notifications.dispatch-after-commit", "false", "glasswarden.public-url",
                "https://glasswarden.test");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class, FakeDirectory.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
