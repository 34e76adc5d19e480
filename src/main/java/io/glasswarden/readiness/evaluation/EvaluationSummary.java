package io.glasswarden.readiness.evaluation;

import java.util.List;

import io.glasswarden.readiness.AccountReadiness;

/** Account counts of a completed evaluation by status (api.md). */
public record EvaluationSummary(int accounts, int ready, int atRisk, int notReady, int unknown) {

    static EvaluationSummary of(List<AccountReadiness> readiness) {
        return new EvaluationSummary(readiness.size(), count(readiness, "READY"), count(readiness, "AT_RISK"),
                count(readiness, "NOT_READY"), count(readiness, "UNKNOWN"));
    }

    private static int count(List<AccountReadiness> readiness, String status) {
        return (int) readiness.stream().filter(r -> r.status().name().equals(status)).count();
    }
}
