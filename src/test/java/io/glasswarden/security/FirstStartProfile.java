package io.glasswarden.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A fresh installation: no bootstrap key, no OIDC, an empty data directory and an empty database (every test profile
 * starts on a database of its own). Logs also go to a file, so that the test can read what was logged while the
 * application started.
 */
public class FirstStartProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = temporaryDirectory();
        return Map.of(
                "glasswarden.bootstrap-api-key", "",
                "glasswarden.data-dir", dir.resolve("data").toString(),
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", dir.resolve("glasswarden.log").toString());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("glasswarden-first-start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
