package io.glasswarden.readiness.evaluation;

/** Where an evaluation is in its life: queued, claimed by an instance, or finished one way or the other. */
public enum EvaluationStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
