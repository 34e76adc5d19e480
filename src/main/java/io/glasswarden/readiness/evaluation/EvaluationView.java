package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An evaluation as the API shows it: {@code summary}, {@code startedAt}, {@code completedAt} and
 * {@code graphRequests} appear once known; {@code error} (safe to show) only when FAILED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationView(
        UUID id,
        String tenantId,
        EvaluationStatus status,
        Instant requestedAt,
        String requestedBy,
        Instant startedAt,
        Instant completedAt,
        Integer graphRequests,
        EvaluationSummary summary,
        String error) {

    static EvaluationView of(Evaluation e) {
        return new EvaluationView(e.id(), e.tenant().tenantId(), e.status(), e.requestedAt(), e.requestedBy(),
                e.startedAt(), e.completedAt(), e.graphRequests(), e.summary(), e.error());
    }
}
