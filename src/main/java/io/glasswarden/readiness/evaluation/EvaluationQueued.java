package io.glasswarden.readiness.evaluation;

/** Fired when an evaluation was queued, so this instance's worker starts it without waiting for its next poll. */
public record EvaluationQueued(String tenantId) {
}
