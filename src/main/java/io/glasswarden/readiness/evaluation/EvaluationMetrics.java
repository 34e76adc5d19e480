package io.glasswarden.readiness.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code glasswarden_evaluations_queued} (the queue depth). These gauges are read from the database (shared by all
 * instances): the queue and the tenant's accounts after each run, everything every minute, so every instance exports
 * the same values. Per instance:
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
     * Refreshes the queue depth and the tenant's account gauges after a run of it: two indexed queries, whatever the
     * size of the fleet (the whole fleet is reloaded every minute by {@link #refresh()}).
     */
    void refreshAfterRun(String tenantId) {
        QuarkusTransaction.requiringNew().run(() -> {
            loadQueued();
            setAccountGauges(List.of(tenantId), accountCounts(tenantId));
        });
    }

    /** Reloads the account gauges and last-completed times of every tenant from the database. */
    @Scheduled(every = "60s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    void refresh() {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    private void load() {
        loadQueued();
        @SuppressWarnings("unchecked")
        List<String> tenants = entityManager
                .createNativeQuery("select tenant_id from tenants where lifecycle_state = 'ACTIVE'", String.class)
                .getResultList();
        setAccountGauges(tenants, accountCounts(null));
        // the latest completion per tenant from the index evaluations_tenant_completed, not a scan of all history
        @SuppressWarnings("unchecked")
        List<Object[]> completed = entityManager.createNativeQuery("""
                select t.tenant_id, (select e.completed_at from evaluations e
                                     where e.tenant_ref = t.id and e.status = 'COMPLETED'
                                     order by e.completed_at desc limit 1)
                from tenants t""").getResultList();
        for (Object[] row : completed) {
            if (row[1] != null) {
                Instant at = row[1] instanceof Instant i ? i : ((java.sql.Timestamp) row[1]).toInstant();
                lastCompletedOf((String) row[0]).set(at.getEpochSecond());
            }
        }
    }

    /** Rows (tenant id, status or UNEVALUATED, count) of active accounts of active tenants; of one tenant if given. */
    @SuppressWarnings("unchecked")
    private List<Object[]> accountCounts(String tenantId) {
        var query = entityManager.createNativeQuery("""
                select t.tenant_id, coalesce(a.readiness_status, 'UNEVALUATED'), count(*)
                from accounts a join tenants t on t.id = a.tenant_ref
                where a.lifecycle_state = 'ACTIVE' and t.lifecycle_state = 'ACTIVE'"""
                + (tenantId == null ? "" : " and t.tenant_id = ?1") + " group by 1, 2");
        return (tenantId == null ? query : query.setParameter(1, tenantId)).getResultList();
    }

    private void loadQueued() {
        queued.set(((Number) entityManager
                .createNativeQuery("select count(*) from evaluations where status = 'QUEUED'")
                .getSingleResult()).longValue());
    }

    /**
     * Sets every status gauge of the tenants: the count read, or 0 when none. Computed before any gauge is set, so a
     * scrape never sees a tenant's gauges zeroed half-way, and a per-tenant refresh running at the same time as the
     * whole-fleet one leaves each gauge at a value read from the database.
     */
    private void setAccountGauges(List<String> tenants, List<Object[]> counts) {
        Map<List<String>, Long> values = new HashMap<>();
        for (String tenantId : tenants) {
            for (String status : STATUSES) {
                values.put(List.of(tenantId, status), 0L);
            }
        }
        for (Object[] row : counts) {
            values.put(List.of((String) row[0], (String) row[1]), ((Number) row[2]).longValue());
        }
        values.forEach((key, value) -> gauge(key.get(0), key.get(1)).set(value));
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
