package io.glasswarden.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends a queued e-mail through SMTP ({@code quarkus.mailer.*}), HTML with a plain-text alternative, within
 * {@link NotificationsConfig#smtpTimeout()}. Its {@code Message-ID} is the outbox message's id, the same at every
 * attempt: delivery is at least once (an instance that dies after the server accepted a message, before marking it
 * sent, leaves it to be sent again), and a second copy with the same Message-ID is a duplicate that mail systems and
 * people can recognize (RFC 5322 3.6.4: one identifier per message; RFC 1047 on duplicates from SMTP).
 * <p>
 * Every send starts on one and the same Vert.x event-loop context. Started from arbitrary threads (the dispatcher runs
 * on Quartz workers, the after-commit thread and request threads), the Vert.x mail client 4.5 sometimes loses the first
 * bytes a server sends on a new connection (its greeting): the attempt then fails with a truncated reply, or waits
 * for the server to time out. Measured against GreenMail with a new connection per message: 2–6 lost greetings in 600
 * from worker threads, none in 1 200 from one context.
 */
@ApplicationScoped
@Startup // created on the main thread, so that its context is a new event-loop context of its own
class MailDelivery {

    private final ReactiveMailer mailer;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final Executor mailContext;
    private final String messageIdDomain;

    MailDelivery(ReactiveMailer mailer, ObjectMapper mapper, NotificationsConfig config, Vertx vertx,
            @ConfigProperty(name = "glasswarden.public-url") String publicUrl) {
        this.mailer = mailer;
        this.mapper = mapper;
        this.timeout = config.smtpTimeout();
        this.messageIdDomain = Optional.ofNullable(URI.create(publicUrl).getHost()).orElse("glasswarden");
        Context context = vertx.getOrCreateContext();
        this.mailContext = command -> context.runOnContext(ignored -> command.run());
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
            mailer.send(Mail.withHtml(email.to(), email.subject(), email.html())
                    .setText(email.text())
                    .addHeader("Message-ID", messageId(message)))
                    .runSubscriptionOn(mailContext)
                    .await()
                    .atMost(timeout);
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("SMTP: " + rootMessage(e), e);
        }
    }

    /** {@code <outbox message id@host of the public URL>}: stable across attempts, unique per message. */
    String messageId(OutboxMessage message) {
        return "<" + message.id() + "@" + messageIdDomain + ">";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
