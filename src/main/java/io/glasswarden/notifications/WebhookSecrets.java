package io.glasswarden.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.glasswarden.core.ConflictException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals and opens webhook signing secrets with the operator key ({@link SecretBox}). At start-up, re-encrypts every
 * stored secret that is still plaintext (subscriptions created before V13) or encrypted with a key other than the
 * active one (after a key rotation): so plaintext does not linger until a subscription's next delivery, and an old key
 * can be removed once one instance has started with the new one.
 */
@ApplicationScoped
class WebhookSecrets {

    static final String SECRET = "secret";
    static final String PREVIOUS = "previous-secret";

    private final Optional<SecretBox> box;
    private final WebhookRepository subscriptions;

    WebhookSecrets(WebhooksConfig config, WebhookRepository subscriptions) {
        this.box = SecretBox.of(config.encryptionKey(), config.decryptionKeys().orElse(List.of()));
        this.subscriptions = subscriptions;
    }

    String seal(UUID subscription, String field, String plaintext) {
        return box.orElseThrow(() -> new ConflictException("Webhook signing secrets are stored encrypted:"
                + " configure glasswarden.webhooks.encryption-key first (docs/operations.md)."))
                .encrypt(plaintext, context(subscription, field));
    }

    String open(UUID subscription, String field, String stored) {
        if (!SecretBox.isEncrypted(stored)) {
            return stored;
        }
        return box.orElseThrow(() -> new IllegalStateException("webhook secrets are encrypted but"
                + " glasswarden.webhooks.encryption-key is not configured"))
                .decrypt(stored, context(subscription, field));
    }

    @Transactional
    void reencryptOnStart(@Observes StartupEvent start) {
        List<WebhookSubscription> all = subscriptions.all();
        if (box.isEmpty()) {
            long plaintext = all.stream().filter(s -> !SecretBox.isEncrypted(s.storedSecret())).count();
            if (plaintext > 0) {
                Log.errorf(
                        "%d webhook signing secret(s) are stored unencrypted: set glasswarden.webhooks.encryption-key"
                                + " (docs/operations.md) and restart",
                        plaintext);
            }
            return;
        }
        String active = box.get().activeKeyId();
        int changed = 0;
        for (WebhookSubscription subscription : all) {
            if (!active.equals(SecretBox.keyIdOf(subscription.storedSecret()))) {
                subscription.storeSecret(reseal(subscription.id(), SECRET, subscription.storedSecret()));
                changed++;
            }
            String previous = subscription.storedPreviousSecret();
            if (previous != null && !active.equals(SecretBox.keyIdOf(previous))) {
                subscription.storePreviousSecret(reseal(subscription.id(), PREVIOUS, previous));
            }
        }
        if (changed > 0) {
            Log.infof("Re-encrypted %d webhook signing secret(s) with key %s", changed, active);
        }
    }

    private String reseal(UUID subscription, String field, String stored) {
        return seal(subscription, field, open(subscription, field, stored));
    }

    private static String context(UUID subscription, String field) {
        return "webhook_subscriptions/" + subscription + "/" + field;
    }
}
