package io.glasswarden.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * A fresh installation with no OIDC issuer, no bootstrap key and no active API key would have no way in: at start,
 * create one admin key and write it once to {@code <data-dir>/first-start-admin-key} (mode 0600). Only the file's path
 * is logged.
 */
@ApplicationScoped
public class FirstStartKey {

    static final String KEY_NAME = "first-start-admin";
    static final String FILE_NAME = "first-start-admin-key";

    private final ApiKeyRepository keys;
    private final ApiKeyService service;
    private final BootstrapKey bootstrapKey;
    private final Path dataDir;
    private final Clock clock;
    private final boolean oidcEnabled;

    FirstStartKey(ApiKeyService service, ApiKeyRepository keys, BootstrapKey bootstrapKey,
            @ConfigProperty(name = "glasswarden.data-dir", defaultValue = "./data") Path dataDir, Clock clock,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcTenantEnabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> oidcIssuer) {
        this.service = service;
        this.keys = keys;
        this.bootstrapKey = bootstrapKey;
        this.dataDir = dataDir;
        this.clock = clock;
        this.oidcEnabled = oidcTenantEnabled && oidcIssuer.filter(url -> !url.isBlank()).isPresent();
    }

    void onStart(@Observes StartupEvent event) {
        if (!oidcEnabled && !bootstrapKey.isConfigured()) {
            createIfNoWayIn();
        }
    }

    /** Creates the key and its file unless an active key exists; returns the file written, if any. */
    @Transactional
    Optional<Path> createIfNoWayIn() {
        // Held until commit: a second instance waits here, then sees the first one's key.
        keys.lockFirstStart();
        if (keys.anyActive()) {
            return Optional.empty();
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (Files.exists(file)) {
            // Never overwritten: the file may hold the key someone is about to use. A stale one is removed by hand.
            Log.warnf("No active API key exists, but %s exists and is never overwritten. Remove it and restart to get"
                    + " a new first-start admin key, or set GLASSWARDEN_BOOTSTRAP_API_KEY.", file);
            return Optional.empty();
        }
        ApiKeySecret secret = service.createFirstStartKey(clock.instant());
        // Written inside the transaction: if writing fails, no key is stored that nobody could ever read.
        write(file, secret.plaintext());
        Log.infof("No OIDC issuer, bootstrap key or API key is configured: created an admin API key and wrote it to %s,"
                + " readable only by this user. Create named keys with it, then revoke it.", file);
        return Optional.of(file);
    }

    private static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " appeared while the first-start key was being created", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first-start admin key to " + file, e);
        }
    }
}
