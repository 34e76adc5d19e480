package io.glasswarden.attestations;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * The key that signs attestation links: {@code glasswarden.attestations.link-secret} when configured, else a random key
 * generated once and stored in the database (first writer wins), so that all instances agree.
 */
@ApplicationScoped
@Startup // a too short configured key must stop the service at start, not at the first attestation request
class LinkSecret {

    static final int MIN_LENGTH = 32;

    private static final String NAME = "attestation-link";

    private final AttestationConfig config;
    private final EntityManager em;
    private final Clock clock;
    private volatile byte[] key;

    LinkSecret(AttestationConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
        check(config.linkSecret());
    }

    /** Refuses a configured key shorter than {@value #MIN_LENGTH} characters (never naming the key itself). */
    static void check(Optional<String> configured) {
        configured.map(String::trim).filter(s -> !s.isEmpty()).ifPresent(secret -> {
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("glasswarden.attestations.link-secret"
                        + " (GLASSWARDEN_ATTESTATIONS_LINK_SECRET) must be at least " + MIN_LENGTH
                        + " characters long; generate one with 'openssl rand -base64 32', or leave it unset to have"
                        + " one generated and kept in the database.");
            }
        });
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
