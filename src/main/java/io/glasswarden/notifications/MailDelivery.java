package io.glasswarden.notifications;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends a queued e-mail through SMTP ({@code quarkus.mailer.*}), HTML with a plain-text alternative. */
@ApplicationScoped
class MailDelivery {

    private final Mailer mailer;
    private final ObjectMapper mapper;

    MailDelivery(Mailer mailer, ObjectMapper mapper) {
        this.mailer = mailer;
        this.mapper = mapper;
    }

    String payloadOf(RenderedEmail email) {
        try {
            return mapper.writeValueAsString(email);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rendered e-mail is always serializable", e);
        }
    }

    void send(OutboxMessage message) {
        RenderedEmail email;
        try {
            email = mapper.readValue(message.payload(), RenderedEmail.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailedException("unreadable e-mail payload", e);
        }
        try {
            mailer.send(Mail.withHtml(email.to(), email.subject(), email.html()).setText(email.text()));
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("SMTP: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
