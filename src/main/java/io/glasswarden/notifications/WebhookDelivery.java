package io.glasswarden.notifications;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.ConflictException;

import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs a queued CloudEvent to its subscriber, signed as Standard Webhooks specify ({@link WebhookSignature}) with
 * every active secret of the subscription. Any 2xx answer is success; redirects are not followed (a receiver must give
 * its final URL, and a redirect could point inside). The target is checked again at every attempt and the connection
 * goes only to addresses that passed the check ({@link TargetGuard#dns(int)}); no proxy is used (it would resolve the
 * name itself). Every failure, whatever its cause (refused target, DNS, connection refused, timeout, TLS, non-2xx),
 * reads {@value #FAILED} in the outbox, so that the outcome is no probe of the internal network; the cause is logged
 * for operators.
 */
@ApplicationScoped
class WebhookDelivery {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    static final String FAILED = "webhook delivery failed";

    private final Clock clock;
    private final TargetGuard guard;
    private final WebhookSecrets secrets;
    private final OkHttpClient client;

    WebhookDelivery(NotificationsConfig config, Clock clock, TargetGuard guard, WebhookSecrets secrets) {
        this.clock = clock;
        this.guard = guard;
        this.secrets = secrets;
        long timeout = config.webhookTimeout().toMillis();
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .callTimeout(timeout, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                // no pooled connections: each attempt resolves and checks its target afresh
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
    }

    void send(OutboxMessage message, WebhookSubscription subscription) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String id = message.id().toString();
        List<String> signing = signingSecrets(subscription, now);
        URI url = URI.create(subscription.url());
        Request.Builder request = new Request.Builder().url(subscription.url())
                .header("User-Agent", "Glasswarden")
                .header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(signing, id, timestamp,
                        message.payload()))
                .post(RequestBody.create(message.payload(), MediaType.get(CONTENT_TYPE)));
        if (WebhookSignature.isLegacy(signing.get(0))) {
            request.header(WebhookSignature.LEGACY_DELIVERY_HEADER, id)
                    .header(WebhookSignature.LEGACY_TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.LEGACY_SIGNATURE_HEADER,
                            WebhookSignature.signLegacy(signing.get(0), timestamp, message.payload()));
        }
        okhttp3.Dns dns = guard.dns(TargetGuard.port(url));
        OkHttpClient checked = client.newBuilder().dns(dns).build();
        int status;
        try {
            dns.lookup(url.getHost()); // also for address literals, which the client may not resolve through dns
            try (Response response = checked.newCall(request.build()).execute()) {
                status = response.code();
            }
        } catch (TargetGuard.RefusedTargetException e) {
            throw failed("target " + url.getHost() + " refused: it resolves to an internal address", e);
        } catch (IOException e) {
            throw failed(e.getClass().getSimpleName() + " for " + url.getHost(), e);
        }
        if (status < 200 || status > 299) {
            throw failed("receiver " + url.getHost() + " answered HTTP " + status, null);
        }
    }

    private List<String> signingSecrets(WebhookSubscription subscription, Instant now) {
        List<String> signing = new ArrayList<>();
        try {
            signing.add(secrets.open(subscription.id(), WebhookSecrets.SECRET, subscription.storedSecret()));
            String previous = subscription.storedPreviousSecret(now);
            if (previous != null) {
                signing.add(secrets.open(subscription.id(), WebhookSecrets.PREVIOUS, previous));
            }
        } catch (IllegalStateException | ConflictException e) {
            throw failed("signing secret unavailable: " + e.getMessage(), null);
        }
        return signing;
    }

    private static DeliveryFailedException failed(String detail, Throwable cause) {
        return new DeliveryFailedException(FAILED, detail, cause);
    }
}
