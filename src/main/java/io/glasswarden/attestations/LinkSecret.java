package io.glasswarden.attestations;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The key that signs attestation links: {@code glasswarden.attestations.link-secret} when configured, else a random key
 * generated once and stored in the database (first writer wins), so that all instances agree.
 */
@ApplicationScoped
class LinkSecret {

    private static final String NAME = "attestation-link";

    private final AttestationConfig config;
    private final EntityManager em;
    private final Clock clock;
    private volatile byte[] key;

    LinkSecret(AttestationConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = config.linkSecret()
                    .filter(s -> !s.isBlank())
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(this::stored);
            key = current;
        }
        return current;
    }

    private byte[] stored() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = Base64.getEncoder().encodeToString(random);
        String secret = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into lifecycle_secrets (name, secret, created_at) values (?1, ?2, ?3)"
                    + " on conflict (name) do nothing")
                    .setParameter(1, NAME)
                    .setParameter(2, candidate)
                    .setParameter(3, clock.instant())
                    .executeUpdate();
            return (String) em.createNativeQuery("select secret from lifecycle_secrets where name = ?1")
                    .setParameter(1, NAME)
                    .getSingleResult();
        });
        return Base64.getDecoder().decode(secret);
    }
}
