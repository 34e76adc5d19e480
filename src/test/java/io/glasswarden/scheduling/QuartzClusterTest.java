package io.glasswarden.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two real Quartz schedulers, clustered on the embedded PostgreSQL with the tables Flyway created (V3): every trigger
 * fires once across both, and a job interrupted by a dying instance is recovered by the other.
 */
@QuarkusTest
class QuartzClusterTest {

    private static final String NAME = "glasswarden-cluster-test";
    private final List<Scheduler> schedulers = new ArrayList<>();

    @BeforeEach
    void createRunsTable() throws Exception {
        ClusterTestJobs.crashedRunMayEnd = new CountDownLatch(1);
        ClusterTestJobs.slowRunStarted = new CountDownLatch(1);
        try (Connection c = ClusterTestJobs.connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists cluster_test_runs (trigger_name varchar(200), instance"
                    + " varchar(200), phase varchar(16), recovering boolean)");
            s.execute("delete from cluster_test_runs");
            for (String table : List.of("qrtz_fired_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
                    "qrtz_triggers", "qrtz_job_details", "qrtz_scheduler_state")) {
                s.execute("delete from " + table + " where sched_name = '" + NAME + "'");
            }
        }
    }

    @AfterEach
    void stopSchedulers() throws Exception {
        ClusterTestJobs.crashedRunMayEnd.countDown();
        for (Scheduler scheduler : schedulers) {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        }
    }

    @Test
    void everyTriggerFiresOnceAcrossTwoInstances() throws Exception {
        Scheduler a = start("A");
        Scheduler b = start("B");
        Date at = new Date(System.currentTimeMillis() + 1500);
        for (int i = 0; i < 20; i++) {
            a.scheduleJob(JobBuilder.newJob(ClusterTestJobs.Quick.class)
                    .withIdentity("quick-" + i)
                    .requestRecovery()
                    .build(), TriggerBuilder.newTrigger().withIdentity("quick-" + i).startAt(at).build());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> runs("done").size() >= 20);
        // Every one-shot trigger is deleted once its run completes and its fired-trigger row is released: when both
        // tables are empty for this scheduler, nothing is left that could fire a second time.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rowsOf("qrtz_fired_triggers") == 0 && rowsOf("qrtz_triggers") == 0);
        List<String> done = runs("done");

        assertThat(done).hasSize(20).doesNotHaveDuplicates();
        assertThat(b.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("JobStoreTX");
    }

    @Test
    void jobOfAKilledInstanceIsRecoveredByTheOther() throws Exception {
        Scheduler a = start("A");
        a.scheduleJob(JobBuilder.newJob(ClusterTestJobs.Slow.class).withIdentity("slow").requestRecovery().build(),
                TriggerBuilder.newTrigger().withIdentity("slow").startNow().build());
        assertThat(ClusterTestJobs.slowRunStarted.await(30, TimeUnit.SECONDS)).isTrue();
        Scheduler b = start("B");

        a.shutdown(false); // dies mid-job: no completion reaches the store, its check-ins stop

        await().atMost(Duration.ofSeconds(90)).until(() -> runs("done").size() == 1);
        try (Connection c = ClusterTestJobs.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select instance, recovering from cluster_test_runs where phase = 'done'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("B");
            assertThat(r.getBoolean(2)).isTrue();
        }
        assertThat(runs("started")).containsExactly("slow", "slow");
        assertThat(b.isStarted()).isTrue();
    }

    private Scheduler start(String instanceId) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "test");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "500");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.dataSource.test.connectionProvider.class", TestConnectionProvider.class.getName());
        StdSchedulerFactory factory = new StdSchedulerFactory();
        factory.initialize(p);
        // StdSchedulerFactory keeps schedulers by name in a JVM-wide repository: two instances need two factories
        // and must not share the repository entry.
        Scheduler scheduler = factory.getScheduler();
        org.quartz.impl.SchedulerRepository.getInstance().remove(NAME);
        scheduler.start();
        schedulers.add(scheduler);
        return scheduler;
    }

    private static int rowsOf(String table) throws Exception {
        try (Connection c = ClusterTestJobs.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + table + " where sched_name = '" + NAME + "'")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static List<String> runs(String phase) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = ClusterTestJobs.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select trigger_name from cluster_test_runs where phase = '" + phase
                                + "' order by trigger_name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

}
