package io.glasswarden.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.quarkus.logging.Log;

/**
 * Webhook subscriptions: https receivers outside internal networks ({@link TargetGuard}), each with its own generated
 * signing secret, stored encrypted ({@link WebhookSecrets}). Creation, deletion and secret rotation are recorded in
 * the ledger (never the secret).
 */
@ApplicationScoped
public class WebhookService {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final WebhookRepository subscriptions;
    private final WebhooksConfig config;
    private final TargetGuard guard;
    private final WebhookSecrets secrets;
    private final Ledger ledger;
    private final Clock clock;

    WebhookService(WebhookRepository subscriptions, WebhooksConfig config, TargetGuard guard, WebhookSecrets secrets,
            Ledger ledger, Clock clock) {
        this.subscriptions = subscriptions;
        this.config = config;
        this.guard = guard;
        this.secrets = secrets;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhook create(CreateWebhookRequest request, String createdBy) {
        URI uri = checkUrl(request.url().trim());
        guard.checkRegistration(uri);
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(id, uri.toString(),
                request.eventTypes() == null ? List.of() : request.eventTypes(), request.description(),
                secrets.seal(id, WebhookSecrets.SECRET, secret), clock.instant(), createdBy);
        subscriptions.persist(subscription);
        WebhookView view = subscription.view();
        record("WEBHOOK_CREATED", view, createdBy, Map.of());
        Log.infof("Webhook subscription %s to %s created by %s", id, uri.getHost(), createdBy);
        return CreatedWebhook.of(view, secret);
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
        WebhookView view = subscription.view();
        subscriptions.delete(subscription);
        record("WEBHOOK_DELETED", view, deletedBy, Map.of());
        Log.infof("Webhook subscription %s deleted by %s", id, deletedBy);
    }

    /**
     * Generates a new signing secret. Deliveries are signed with both the new and the current secret until
     * {@code glasswarden.webhooks.secret-rotation-overlap} has passed (Standard Webhooks: several signatures, space
     * separated), so the receiver can switch without losing a delivery. A second rotation within the overlap replaces
     * the older secret.
     */
    @Transactional
    public RotatedWebhookSecret rotateSecret(UUID id, String rotatedBy) {
        WebhookSubscription subscription = find(id);
        Instant now = clock.instant();
        Instant until = now.plus(config.secretRotationOverlap());
        String current = secrets.open(id, WebhookSecrets.SECRET, subscription.storedSecret());
        String secret = WebhookSignature.newSecret();
        subscription.rotate(secrets.seal(id, WebhookSecrets.SECRET, secret),
                secrets.seal(id, WebhookSecrets.PREVIOUS, current), until);
        record("WEBHOOK_SECRET_ROTATED", subscription.view(), rotatedBy,
                Map.of("previousSecretValidUntil", until.toString()));
        Log.infof("Webhook subscription %s: secret rotated by %s", id, rotatedBy);
        return new RotatedWebhookSecret(id, secret, until);
    }

    private void record(String type, WebhookView view, String actor, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", view.url());
        data.put("eventTypes", view.eventTypes());
        data.put("description", view.description());
        data.putAll(extra);
        ledger.append(new LedgerEvent(type, null, view.id().toString(), actor, data));
    }

    private WebhookSubscription find(UUID id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("webhook", id));
    }

    private URI checkUrl(String raw) {
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
        return uri;
    }
}
