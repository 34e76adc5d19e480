package io.glasswarden.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Stored API keys. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    // Any constant that all instances share; spells "glass".
    private static final long FIRST_START_LOCK = 0x676c617373L;
    static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id");

    /** The active key with this hash; revocation is seen at once because nothing caches this. */
    Optional<ApiKey> findActiveByHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    boolean nameExists(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }

    /**
     * Serialises first-start checks across instances on one database (a PostgreSQL advisory lock held until the
     * transaction ends), so that two instances starting at once create one first-start key, not two.
     */
    void lockFirstStart() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, FIRST_START_LOCK)
                .getSingleResult();
    }

    boolean anyActive() {
        return count("revokedAt is null") > 0;
    }

    /**
     * Records a use at most once per {@code interval}: a conditional bulk update, so that busy keys cause no write on
     * most requests and a concurrent revocation is never overwritten.
     */
    void touch(UUID id, Instant now, Instant staleBefore) {
        update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id, staleBefore);
    }
}
