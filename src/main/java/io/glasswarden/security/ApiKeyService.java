package io.glasswarden.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.quarkus.logging.Log;

/** Creates, lists and revokes API keys. Logs name, id and prefix only: never a key or its hash. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Ledger ledger;

    ApiKeyService(ApiKeyRepository keys, Clock clock, Ledger ledger) {
        this.keys = keys;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request, String createdBy) {
        ValidApiKeyRequest valid = ValidApiKeyRequest.of(request);
        if (keys.nameExists(valid.name())) {
            throw new ConflictException("An API key named '" + valid.name() + "' exists (revoked keys keep their"
                    + " names for audit).");
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(valid.name(), valid.role(), valid.email(), secret, clock.instant(), createdBy);
        try {
            keys.persistAndFlush(key);
        } catch (PersistenceException e) {
            // The same name created concurrently: the unique index decides. Not logged: the exception holds SQL.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw new ConflictException("An API key named '" + valid.name() + "' exists.");
            }
            throw e;
        }
        record("API_KEY_CREATED", key, createdBy);
        Log.infof("API key '%s' (%s, id %s, role %s) created by %s", key.name(), key.prefix(), key.id(), key.role(),
                createdBy);
        return CreatedApiKey.of(key.view(), secret.plaintext());
    }

    @Transactional
    public Page<ApiKeyView> list(PageRequest page) {
        var query = keys.findAll(ApiKeyRepository.NEWEST_FIRST).page(page.page(), page.size());
        return new Page<>(query.list().stream().map(ApiKey::view).toList(), page.page(), page.size(), query.count());
    }

    @Transactional
    public ApiKeyView get(UUID id) {
        return find(id).view();
    }

    /** Revokes the key; it is refused from the next request on. Idempotent. */
    @Transactional
    public ApiKeyView revoke(UUID id, String revokedBy) {
        ApiKey key = find(id);
        if (key.isActive()) {
            key.revoke(clock.instant(), revokedBy);
            record("API_KEY_REVOKED", key, revokedBy);
            Log.infof("API key '%s' (%s, id %s) revoked by %s", key.name(), key.prefix(), key.id(), revokedBy);
        }
        return key.view();
    }

    /** The first admin key of a fresh installation (see FirstStartKey); the caller holds the first-start lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    ApiKeySecret createFirstStartKey(Instant now) {
        ApiKeySecret secret = ApiKeySecret.generate();
        String name = keys.nameExists(FirstStartKey.KEY_NAME)
                ? FirstStartKey.KEY_NAME + "-" + now.getEpochSecond()
                : FirstStartKey.KEY_NAME;
        ApiKey key = new ApiKey(name, Roles.ADMIN, null, secret, now, FirstStartKey.KEY_NAME);
        keys.persistAndFlush(key);
        record("API_KEY_CREATED", key, FirstStartKey.KEY_NAME);
        return secret;
    }

    /** Ledger record of a key's life: name, role, e-mail and the public prefix, never the key or its hash. */
    private void record(String type, ApiKey key, String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", key.name());
        data.put("role", key.role());
        data.put("email", key.email());
        data.put("prefix", key.prefix());
        ledger.append(new LedgerEvent(type, null, key.id().toString(), actor, data));
    }

    private ApiKey find(UUID id) {
        return keys.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("API key", id));
    }
}
