package io.glasswarden.scheduling;

import java.sql.Connection;
import java.sql.SQLException;

import org.quartz.utils.ConnectionProvider;

/** Plain JDBC connections to the embedded test database for programmatically configured Quartz schedulers. */
public class TestConnectionProvider implements ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
        return ClusterTestJobs.connect();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void initialize() {
    }
}
