package io.glasswarden.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.quarkus.logging.Log;

/** Webhook subscriptions: https receivers only, each with its own generated signing secret. */
@ApplicationScoped
public class WebhookService {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository subscriptions;
    private final WebhooksConfig config;
    private final Clock clock;

    WebhookService(WebhookRepository subscriptions, WebhooksConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhook create(CreateWebhookRequest request, String createdBy) {
        String url = checkUrl(request.url().trim());
        String secret = "gws_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        WebhookSubscription subscription = new WebhookSubscription(url,
                request.eventTypes() == null ? List.of() : request.eventTypes(), request.description(), secret,
                clock.instant(), createdBy);
        subscriptions.persist(subscription);
        Log.infof("Webhook subscription %s to %s created by %s", subscription.id(), hostOf(url), createdBy);
        return CreatedWebhook.of(subscription.view(), secret);
    }

    @Transactional
    public Page<WebhookView> list(PageRequest page) {
        return subscriptions.page(page).map(WebhookSubscription::view);
    }

    @Transactional
    public WebhookView get(UUID id) {
        return find(id).view();
    }

    /** Deletes the subscription and its undelivered messages. */
    @Transactional
    public void delete(UUID id, String deletedBy) {
        WebhookSubscription subscription = find(id);
        subscriptions.delete(subscription);
        Log.infof("Webhook subscription %s deleted by %s", id, deletedBy);
    }

    private WebhookSubscription find(UUID id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("webhook", id));
    }

    private String checkUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new InvalidInputException("url", "must be an absolute https URL without credentials or fragment");
        }
        boolean insecureLocal = scheme.equals("http") && LOCAL_HOSTS.contains(host)
                && config.allowInsecureLocalhost();
        if (!scheme.equals("https") && !insecureLocal) {
            throw new InvalidInputException("url", "must use https");
        }
        return uri.toString();
    }

    private static String hostOf(String url) {
        return URI.create(url).getHost();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
