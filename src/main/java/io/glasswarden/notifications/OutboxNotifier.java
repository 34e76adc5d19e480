package io.glasswarden.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * The {@link Notifier} of the service: renders and queues messages in the caller's transaction (or its own when
 * there is none); {@link OutboxDispatcher} sends them after commit.
 */
@ApplicationScoped
public class OutboxNotifier implements Notifier {

    private final OutboxStore outbox;
    private final MailRenderer renderer;
    private final MailDelivery mail;
    private final WebhookRepository subscriptions;
    private final DispatchTrigger trigger;
    private final Support support;

    OutboxNotifier(OutboxStore outbox, MailRenderer renderer, MailDelivery mail, WebhookRepository subscriptions,
            DispatchTrigger trigger, Support support) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.mail = mail;
        this.subscriptions = subscriptions;
        this.trigger = trigger;
        this.support = support;
    }

    @Override
    @Transactional
    public boolean email(OutgoingEmail email) {
        RenderedEmail rendered = renderer.render(email);
        OutboxMessage message = new OutboxMessage(UUID.randomUUID(), OutboxMessage.EMAIL, rendered.to(),
                null, mail.payloadOf(rendered), blankToNull(email.deduplicationKey()), 0);
        boolean queued = outbox.enqueue(message, support.clock().instant());
        if (queued) {
            trigger.afterCommit();
        } else {
            Log.debugf("E-mail '%s' not queued: deduplication key %s was used before", email.template(),
                    email.deduplicationKey());
        }
        return queued;
    }

    @Override
    @Transactional
    public void publish(OutgoingEvent event) {
        Instant now = support.clock().instant();
        String body = support.cloudEvent(event, now);
        subscriptions.all().stream().filter(subscription -> subscription.wants(event.type())).forEach(subscription -> {
            outbox.enqueue(new OutboxMessage(UUID.randomUUID(), OutboxMessage.WEBHOOK, subscription.url(),
                    subscription.id(), body, null, 0), now);
            trigger.afterCommit();
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Time, the public URL and JSON: what shapes a CloudEvent. */
    @ApplicationScoped
    static class Support {
        private final Clock clock;
        private final ObjectMapper mapper;
        private final String source;

        Support(Clock clock, ObjectMapper mapper, @ConfigProperty(name = "glasswarden.public-url") String source) {
            this.clock = clock;
            this.mapper = mapper;
            this.source = source;
        }

        Clock clock() {
            return clock;
        }

        /** CloudEvents 1.0, structured JSON mode; {@code tenantid} is an extension attribute when known. */
        String cloudEvent(OutgoingEvent event, Instant now) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("specversion", "1.0");
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("source", source);
            envelope.put("type", event.type());
            if (event.subject() != null) {
                envelope.put("subject", event.subject());
            }
            envelope.put("time", now.toString());
            if (event.tenantId() != null) {
                envelope.put("tenantid", event.tenantId());
            }
            envelope.put("datacontenttype", "application/json");
            envelope.put("data", event.data() == null ? Map.of() : event.data());
            try {
                return mapper.writeValueAsString(envelope);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event data of " + event.type() + " is not serializable", e);
            }
        }
    }
}
