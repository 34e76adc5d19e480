package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs queued evaluations, off the request threads. Several instances may share the database: each claims the oldest
 * QUEUED row with {@code FOR UPDATE SKIP LOCKED}; an evaluation left RUNNING longer than
 * {@code glasswarden.evaluations.running-timeout} (its instance stopped) is queued again once, then failed.
 */
@ApplicationScoped
class EvaluationWorker {

    private static final int MAX_ATTEMPTS = 2;

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;
    private final Clock clock;
    private final Duration runningTimeout;
    private final String instance = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("glasswarden") + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean draining = new AtomicBoolean();
    // A plain thread of our own: a context-propagating executor would carry the finished request transaction along.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "glasswarden-evaluations");
        thread.setDaemon(true);
        return thread;
    });

    EvaluationWorker(EvaluationRepository evaluations, EvaluationRunner runner, Clock clock,
            @ConfigProperty(name = "glasswarden.evaluations.running-timeout") Duration runningTimeout) {
        this.evaluations = evaluations;
        this.runner = runner;
        this.clock = clock;
        this.runningTimeout = runningTimeout;
    }

    /** Starts the queued work as soon as a request committed, instead of waiting for the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) EvaluationQueued queued) {
        executor.execute(this::drain);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Scheduled(identity = "evaluation-worker", every = "${glasswarden.evaluations.poll-interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    void poll() {
        recoverStale();
        drain();
    }

    /** Runs queued evaluations one after another until none is left; one drain at a time per instance. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<UUID> next;
            while ((next = claim()).isPresent()) {
                runner.run(next.get());
            }
        } catch (RuntimeException e) {
            Log.error("Evaluation worker stopped draining the queue", e);
        } finally {
            draining.set(false);
        }
    }

    private Optional<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> evaluations.lockNextQueued().map(id -> {
            evaluations.findById(id).start(instance, clock.instant());
            return id;
        }));
    }

    void recoverStale() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Evaluation stale : evaluations.lockStale(clock.instant().minus(runningTimeout))) {
                if (stale.attempts() < MAX_ATTEMPTS) {
                    Log.warnf("Evaluation %s was left running; queued again", stale.id());
                    evaluations.requeue(stale.id());
                } else {
                    Log.warnf("Evaluation %s was left running %d times; failed", stale.id(), stale.attempts());
                    stale.fail("The instance running this evaluation stopped before it finished, " + MAX_ATTEMPTS
                            + " times; request a new evaluation.", null, clock.instant());
                }
            }
        });
    }
}
