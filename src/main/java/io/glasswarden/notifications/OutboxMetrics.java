package io.glasswarden.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code glasswarden_outbox_pending} and {@code glasswarden_outbox_dead_letters}: counted in the database when
 * scraped, so every instance reports the shared outbox, not what it happened to see.
 */
@ApplicationScoped
class OutboxMetrics {

    private final DataSource dataSource;

    OutboxMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("glasswarden.outbox.pending", this, metrics -> metrics.count("PENDING"))
                .description("Outbox messages waiting to be sent (including those waiting for a retry)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("glasswarden.outbox.dead.letters", this, metrics -> metrics.count("DEAD"))
                .description("Outbox messages given up after the maximum number of attempts")
                .strongReference(true)
                .register(registry);
    }

    double count(String status) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from outbox_messages where status = ?")) {
            statement.setString(1, status);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
