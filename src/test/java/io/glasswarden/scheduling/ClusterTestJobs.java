package io.glasswarden.scheduling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import io.glasswarden.testing.EmbeddedPostgresResource;

/** Jobs of the cluster test: each execution is recorded in a table, with the instance that ran it. */
final class ClusterTestJobs {

    /** Released by the test once the "crashed" instance has been shut down: its run then ends without recording. */
    static volatile CountDownLatch crashedRunMayEnd = new CountDownLatch(1);
    static volatile CountDownLatch slowRunStarted = new CountDownLatch(1);

    private ClusterTestJobs() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    static void record(JobExecutionContext context, String phase) throws JobExecutionException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement(
                        "insert into cluster_test_runs (trigger_name, instance, phase, recovering) values (?, ?, ?, ?)")) {
            insert.setString(1, context.isRecovering()
                    ? context.getRecoveringTriggerKey().getName()
                    : context.getTrigger().getKey().getName());
            insert.setString(2, context.getScheduler().getSchedulerInstanceId());
            insert.setString(3, phase);
            insert.setBoolean(4, context.isRecovering());
            insert.executeUpdate();
        } catch (Exception e) {
            throw new JobExecutionException(e);
        }
    }

    /** A quick job: records that it ran. */
    public static class Quick implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            record(context, "done");
        }
    }

    /**
     * A job that is still running when its instance dies: the first run blocks until the test lets it end, and then
     * ends without recording completion (as if the process had died); a recovered run completes.
     */
    public static class Slow implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            record(context, "started");
            if (!context.isRecovering()) {
                slowRunStarted.countDown();
                try {
                    crashedRunMayEnd.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            record(context, "done");
        }
    }
}
