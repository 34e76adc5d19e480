package io.glasswarden.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.Application;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource of the embedded default. Only at runtime (the factory also runs during the build) and only
 * when no {@code quarkus.datasource.jdbc.url} is configured; refuses to start when the embedded database is forbidden.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "glasswarden.embedded-database.enabled";
    static final String DATA_DIR = "glasswarden.data-dir";
    // Below application.properties (250) and environment variables (300): explicit configuration always wins.
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (Application.currentApplication() == null || isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        if (!isEnabled(context.getValue(ENABLED))) {
            throw new IllegalStateException("No database configured: set " + JDBC_URL
                    + " (QUARKUS_DATASOURCE_JDBC_URL) with quarkus.datasource.username and quarkus.datasource.password."
                    + " The embedded database is disabled by " + ENABLED + "=false.");
        }
        ConfigValue dataDir = context.getValue(DATA_DIR);
        EmbeddedDatabase database = EmbeddedDatabase.startOnce(Path.of(isSet(dataDir) ? dataDir.getValue() : "./data"));
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "glasswarden-embedded-database", ORDINAL));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isEnabled(ConfigValue value) {
        return !isSet(value) || !"false".equalsIgnoreCase(value.getValue().trim());
    }
}
