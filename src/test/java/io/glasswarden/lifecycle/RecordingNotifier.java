package io.glasswarden.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;

/**
 * Test-only {@link Notifier} with the contract's deduplication (a key is queued once), recording what was queued. The
 * real outbox is built on branch {@code ledger}; enabled by {@link LifecycleProfile} only.
 */
@Alternative
@Singleton
public class RecordingNotifier implements Notifier {

    private final Set<String> keys = new HashSet<>();
    private final List<OutgoingEmail> emails = new ArrayList<>();
    private final List<OutgoingEvent> events = new ArrayList<>();

    @Override
    public synchronized boolean email(OutgoingEmail email) {
        if (email.deduplicationKey() != null && !keys.add(email.deduplicationKey())) {
            return false;
        }
        emails.add(email);
        return true;
    }

    @Override
    public synchronized void publish(OutgoingEvent event) {
        events.add(event);
    }

    public synchronized List<OutgoingEmail> emails() {
        return List.copyOf(emails);
    }

    public synchronized List<OutgoingEvent> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        emails.clear();
        events.clear();
    }
}
