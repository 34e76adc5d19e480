package io.glasswarden.notifications;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.logging.Log;

/**
 * Runs the dispatcher once, in the background, after a transaction that queued messages commits: messages go out in
 * seconds rather than at the next scheduled run. Concurrent triggers coalesce; whatever is missed is picked up by the
 * scheduled {@link OutboxDispatcher#dispatchDue()}.
 */
@ApplicationScoped
class DispatchTrigger {

    private static final Object REGISTERED = DispatchTrigger.class.getName();

    private final TransactionSynchronizationRegistry transactions;
    private final Instance<OutboxDispatcher> dispatcher;
    private final NotificationsConfig config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "glasswarden-outbox-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    DispatchTrigger(TransactionSynchronizationRegistry transactions, Instance<OutboxDispatcher> dispatcher,
            NotificationsConfig config) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    void afterCommit() {
        if (!config.dispatchAfterCommit() || transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && scheduled.compareAndSet(false, true)) {
                    executor.execute(DispatchTrigger.this::dispatch);
                }
            }
        });
    }

    private void dispatch() {
        scheduled.set(false);
        try {
            dispatcher.get().dispatchDue();
        } catch (RuntimeException e) {
            Log.warnf("Dispatch after commit failed (the scheduled dispatch will retry): %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
