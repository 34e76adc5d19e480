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

    public final List<OutgoingEmail> emails = new CopyOnWriteArrayList<>();
    public final List<OutgoingEvent> events = new CopyOnWriteArrayList<>();

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
