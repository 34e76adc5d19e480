package io.glasswarden.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * POSTs a queued CloudEvent to its subscriber, signed with the subscriber's secret (see {@link WebhookSignature}). Any
 * 2xx answer is success; redirects are not followed (a receiver must give its final URL).
 */
@ApplicationScoped
class WebhookDelivery {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final NotificationsConfig config;
    private final Clock clock;
    private final HttpClient client;

    WebhookDelivery(NotificationsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(OutboxMessage message, WebhookSubscription subscription) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(config.webhookTimeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "Glasswarden")
                .header(WebhookSignature.DELIVERY_HEADER, message.id().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(subscription.secret(), timestamp, message.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailedException("webhook: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("webhook: interrupted", e);
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailedException("webhook: receiver answered HTTP " + status, null);
        }
    }
}
