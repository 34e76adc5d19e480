package io.glasswarden.readiness.evaluation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.quarkus.arc.properties.IfBuildProperty;

/** Test stand-in for the notifications outbox (only in {@link EvaluationTestProfile}): keeps what was queued. */
@Alternative
@Priority(1)
@ApplicationScoped
@IfBuildProperty(name = "glasswarden.testing.lifecycle-fakes", stringValue = "true")
public class RecordingNotifier implements Notifier {

    private final List<OutgoingEmail> emails = new CopyOnWriteArrayList<>();
    private final List<OutgoingEvent> events = new CopyOnWriteArrayList<>();

    // Accessors, not public fields: tests hold a client proxy, whose fields are not the bean's.
    public List<OutgoingEmail> emails() {
        return List.copyOf(emails);
    }

    public List<OutgoingEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public boolean email(OutgoingEmail email) {
        emails.add(email);
        return true;
    }

    @Override
    public void publish(OutgoingEvent event) {
        events.add(event);
    }
}
