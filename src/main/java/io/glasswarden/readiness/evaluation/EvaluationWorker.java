package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs queued evaluations, off the request threads, up to {@code glasswarden.evaluations.concurrency} at a time (each
 * of a different tenant: a tenant has at most one queued or running evaluation). Several instances may share the
 * database: each claims the oldest QUEUED row with {@code FOR UPDATE SKIP LOCKED}; an evaluation left RUNNING longer
 * than {@code glasswarden.evaluations.running-timeout} (its instance stopped) is queued again once, then failed. So is,
 * at this instance's next poll, one it claimed but no longer runs: its run ended without recording an outcome (the
 * database was unreachable at the end), and no other instance would notice before the timeout. A running evaluation
 * holds no database connection while it reads Graph ({@link EvaluationRunner}).
 */
@ApplicationScoped
class EvaluationWorker {

    private static final int MAX_ATTEMPTS = 2;

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;
    private final EvaluationMetrics metrics;
    private final Clock clock;
    private final Duration runningTimeout;
    private final String instance = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("glasswarden") + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    /** Evaluations this instance claimed and still runs; added before the claim commits, removed when the run ends. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    /** One permit per evaluation this instance may run at once; taken before a claim, given back when it ends. */
    private final Semaphore slots;
    // Plain threads of our own: a context-propagating executor would carry the finished request transaction along.
    private final ExecutorService runners;
    /** Claims on behalf of requests, so that a request thread never waits for a claim. */
    private final ExecutorService dispatcher = Executors
            .newSingleThreadExecutor(daemon("glasswarden-evaluation-claims"));

    EvaluationWorker(EvaluationRepository evaluations, EvaluationRunner runner, EvaluationMetrics metrics, Clock clock,
            @ConfigProperty(name = "glasswarden.evaluations.running-timeout") Duration runningTimeout,
            @ConfigProperty(name = "glasswarden.evaluations.concurrency", defaultValue = "32") int concurrency) {
        this.evaluations = evaluations;
        this.runner = runner;
        this.metrics = metrics;
        this.clock = clock;
        this.runningTimeout = runningTimeout;
        int bound = Math.max(1, concurrency);
        this.slots = new Semaphore(bound);
        this.runners = Executors.newFixedThreadPool(bound, daemon("glasswarden-evaluations"));
        metrics.running(() -> bound - slots.availablePermits());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts the queued work as soon as a request committed, instead of waiting for the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) EvaluationQueued queued) {
        dispatcher.execute(this::drain);
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
        runners.shutdownNow();
    }

    @Scheduled(identity = "evaluation-worker", every = "${glasswarden.evaluations.poll-interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    void poll() {
        recoverStale();
        drain();
    }

    /**
     * Claims queued evaluations while a slot is free and hands each to a runner thread; a runner that finishes drains
     * again. Safe to call from several threads at once: the slots bound the runs, the row locks the claims.
     */
    void drain() {
        while (slots.tryAcquire()) {
            Optional<UUID> next;
            try {
                next = claim();
            } catch (RuntimeException e) {
                slots.release();
                Log.error("Evaluation worker could not claim from the queue", e);
                return;
            }
            if (next.isEmpty()) {
                slots.release();
                return;
            }
            UUID id = next.get();
            try {
                runners.execute(() -> run(id));
            } catch (RejectedExecutionException stopping) {
                running.remove(id);
                slots.release();
                return;
            }
        }
    }

    private void run(UUID id) {
        long started = System.nanoTime();
        try {
            runner.run(id);
        } catch (RuntimeException e) {
            Log.error("Evaluation " + id + " ended with an error", e);
        } finally {
            running.remove(id);
            metrics.ran(Duration.ofNanos(System.nanoTime() - started));
            slots.release();
        }
        drain();
    }

    private Optional<UUID> claim() {
        AtomicReference<UUID> claimed = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> evaluations.lockNextQueued().map(id -> {
                // before the commit, so that no poll sees this instance's RUNNING row without it in the set
                claimed.set(id);
                running.add(id);
                evaluations.findById(id).start(instance, clock.instant());
                return id;
            }));
        } catch (RuntimeException e) {
            Optional.ofNullable(claimed.get()).ifPresent(running::remove);
            throw e;
        }
    }

    void recoverStale() {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> handled = new HashSet<>();
            for (Evaluation stale : evaluations.lockStale(clock.instant().minus(runningTimeout))) {
                handled.add(stale.id());
                retryOrFail(stale, "was left running", "The instance running this evaluation stopped before it"
                        + " finished");
            }
            for (Evaluation orphan : evaluations.lockRunningClaimedBy(instance)) {
                if (!handled.contains(orphan.id()) && !running.contains(orphan.id())) {
                    retryOrFail(orphan, "ended without recording its outcome", "The evaluation could not record its"
                            + " outcome (the database was unreachable)");
                }
            }
        });
    }

    private void retryOrFail(Evaluation evaluation, String what, String why) {
        if (evaluation.attempts() < MAX_ATTEMPTS) {
            Log.warnf("Evaluation %s %s; queued again", evaluation.id(), what);
            evaluations.requeue(evaluation.id());
        } else {
            Log.warnf("Evaluation %s %s %d times; failed", evaluation.id(), what, evaluation.attempts());
            evaluation.fail(why + ", " + MAX_ATTEMPTS + " times; request a new evaluation.", null, clock.instant());
        }
    }
}
