package io.glasswarden.readiness.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs one poll of the evaluation worker (stale and orphaned runs recovered, the queue drained) for tests of any
 * package: the test scheduler is halted, so the worker's own poll never fires there.
 */
@ApplicationScoped
public class EvaluationWorkerPoll {

    private final EvaluationWorker worker;

    EvaluationWorkerPoll(EvaluationWorker worker) {
        this.worker = worker;
    }

    public void once() {
        worker.poll();
    }
}
