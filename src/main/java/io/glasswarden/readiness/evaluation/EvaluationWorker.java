package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * database: each claims the oldest QUEUED rows with {@code FOR UPDATE SKIP LOCKED}; an evaluation left RUNNING longer
 * than {@code glasswarden.evaluations.running-timeout} (its instance stopped) is queued again once, then failed. So is,
 * at this instance's next poll, one it claimed but no longer runs: its run ended without recording an outcome (the
 * database was unreachable at the end), and no other instance would notice before the timeout. A running evaluation
 * holds no database connection while it reads Graph ({@link EvaluationRunner}).
 */
@ApplicationScoped
class EvaluationWorker {

    private static final int MAX_ATTEMPTS = 2;
    /** The most queued evaluations claimed in one transaction. */
    private static final int MAX_CLAIM = 16;

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
    /** Evaluations queued on this instance so far: a drain that found the queue empty compares it before and after. */
    private final AtomicInteger wakeUps = new AtomicInteger();
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
        wakeUps.incrementAndGet();
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
     * Claims queued evaluations while slots are free, as many as are free in one transaction, and hands each to a
     * runner thread; a runner that finishes drains again. Safe to call from several threads at once: the slots bound
     * the runs, the row locks the claims. A drain that found fewer queued rows than it had slots looks again if an
     * evaluation was queued meanwhile: its query may have run before that row committed while it held the slots the
     * row's own wake-up needed.
     */
    void drain() {
        while (true) {
            int seen = wakeUps.get();
            int taken = 0;
            while (taken < MAX_CLAIM && slots.tryAcquire()) {
                taken++;
            }
            if (taken == 0) {
                return; // every slot runs: the run that ends first drains again
            }
            List<UUID> claimed;
            try {
                claimed = claim(taken);
            } catch (RuntimeException e) {
                slots.release(taken);
                Log.error("Evaluation worker could not claim from the queue", e);
                return;
            }
            slots.release(taken - claimed.size());
            for (int i = 0; i < claimed.size(); i++) {
                UUID id = claimed.get(i);
                try {
                    runners.execute(() -> run(id));
                } catch (RejectedExecutionException stopping) {
                    // shutting down: what was claimed and not started is recovered as orphaned or stale
                    claimed.subList(i, claimed.size()).forEach(running::remove);
                    slots.release(claimed.size() - i);
                    return;
                }
            }
            if (claimed.size() < taken && wakeUps.get() == seen) {
                return; // the queue is empty, as far as this instance can take from it
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

    private List<UUID> claim(int most) {
        List<UUID> claimed = new ArrayList<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                for (UUID id : evaluations.lockNextQueued(most)) {
                    // before the commit, so that no poll sees this instance's RUNNING row without it in the set
                    claimed.add(id);
                    running.add(id);
                    evaluations.findById(id).start(instance, clock.instant());
                }
                return List.copyOf(claimed);
            });
        } catch (RuntimeException e) {
            claimed.forEach(running::remove);
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
