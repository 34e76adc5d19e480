package io.glasswarden.readiness.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code glasswarden_accounts{tenant,status}}, {@code glasswarden_evaluations_total{tenant,outcome}},
 * {@code glasswarden_evaluation_last_completed_timestamp_seconds{tenant}} and
 * {@code glasswarden_evaluations_queued} (the queue depth). These gauges are refreshed from the database (shared by
 * all instances) after each run and every minute, so every instance exports the same values. Per instance:
 * {@code glasswarden_evaluations_running} and the run time histogram {@code glasswarden_evaluation_duration_seconds}.
 */
@ApplicationScoped
class EvaluationMetrics {

    static final List<String> STATUSES = List.of("READY", "AT_RISK", "NOT_READY", "UNKNOWN", "UNEVALUATED");

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final Map<List<String>, AtomicLong> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastCompleted = new ConcurrentHashMap<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Timer duration;

    EvaluationMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        Gauge.builder("glasswarden.evaluations.queued", queued, AtomicLong::get)
                .description("Evaluations waiting in the queue (all instances)")
                .register(registry);
        this.duration = Timer.builder("glasswarden.evaluation.duration")
                .description("Time to run one evaluation on this instance, from claim to recorded outcome")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The number of evaluations this instance is running now. */
    void running(IntSupplier running) {
        Gauge.builder("glasswarden.evaluations.running", running, r -> r.getAsInt())
                .description("Evaluations running on this instance")
                .strongReference(true)
                .register(registry);
    }

    void ran(Duration took) {
        duration.record(took);
    }

    void completed(String tenantId, Instant at) {
        counter(tenantId, "completed").increment();
        lastCompletedOf(tenantId).set(at.getEpochSecond());
    }

    void failed(String tenantId) {
        counter(tenantId, "failed").increment();
    }

    /**
     * Refreshes the gauges after a run. With evaluations running in parallel, runs ending together share one refresh
     * at a time (two interleaved refreshes could leave a gauge at the zero one of them reset it to): a run ending
     * while a refresh is under way marks the gauges stale and that refresh goes round once more.
     */
    void refreshAfterRun() {
        stale.set(true);
        while (stale.get() && refreshing.compareAndSet(false, true)) {
            try {
                while (stale.getAndSet(false)) {
                    QuarkusTransaction.requiringNew().run(this::load);
                }
            } finally {
                refreshing.set(false);
            }
        }
    }

    /** Reloads the account gauges and last-completed times of every tenant from the database. */
    @Scheduled(every = "60s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    void refresh() {
        refreshAfterRun();
    }

    private void load() {
        queued.set(((Number) entityManager
                .createNativeQuery("select count(*) from evaluations where status = 'QUEUED'")
                .getSingleResult()).longValue());
        @SuppressWarnings("unchecked")
        List<String> tenants = entityManager
                .createNativeQuery("select tenant_id from tenants where lifecycle_state = 'ACTIVE'", String.class)
                .getResultList();
        for (String tenantId : tenants) {
            for (String status : STATUSES) {
                gauge(tenantId, status).set(0);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery("""
                select t.tenant_id, coalesce(a.readiness_status, 'UNEVALUATED'), count(*)
                from accounts a join tenants t on t.id = a.tenant_ref
                where a.lifecycle_state = 'ACTIVE' and t.lifecycle_state = 'ACTIVE'
                group by 1, 2""").getResultList();
        for (Object[] row : counts) {
            gauge((String) row[0], (String) row[1]).set(((Number) row[2]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> completed = entityManager.createNativeQuery("""
                select t.tenant_id, max(e.completed_at) from evaluations e join tenants t on t.id = e.tenant_ref
                where e.status = 'COMPLETED' group by 1""").getResultList();
        for (Object[] row : completed) {
            Instant at = row[1] instanceof Instant i ? i : ((java.sql.Timestamp) row[1]).toInstant();
            lastCompletedOf((String) row[0]).set(at.getEpochSecond());
        }
    }

    private AtomicLong gauge(String tenantId, String status) {
        return accounts.computeIfAbsent(List.of(tenantId, status), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("glasswarden.accounts", value, AtomicLong::get)
                    .description("Active emergency accounts by latest readiness status")
                    .tags("tenant", tenantId, "status", status)
                    .register(registry);
            return value;
        });
    }

    private AtomicLong lastCompletedOf(String tenantId) {
        return lastCompleted.computeIfAbsent(tenantId, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("glasswarden.evaluation.last.completed.timestamp.seconds", value, AtomicLong::get)
                    .description("When the tenant's last evaluation completed (Unix seconds)")
                    .tags("tenant", tenantId)
                    .register(registry);
            return value;
        });
    }

    private Counter counter(String tenantId, String outcome) {
        return Counter.builder("glasswarden.evaluations")
                .description("Evaluations finished, by outcome")
                .tags("tenant", tenantId, "outcome", outcome)
                .register(registry);
    }
}
