package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasswarden.core.StoredJson;

/**
 * The full results of a completed evaluation (api.md): tenant findings and data gaps, and the readiness object of
 * every evaluated account.
 */
public record EvaluationResults(UUID evaluationId, String tenantId, Instant completedAt, TenantResults tenant,
        List<StoredJson> accounts) {

    /** The tenant rules' findings (BG-T..) and the data the tenant could not be read for. */
    public record TenantResults(List<Map<String, Object>> findings, List<Map<String, Object>> dataGaps) {
    }

    static EvaluationResults of(Evaluation e, List<AccountEvaluation> accounts) {
        return new EvaluationResults(e.id(), e.tenant().tenantId(), e.completedAt(),
                new TenantResults(e.tenantFindings(), e.dataGaps()),
                accounts.stream().map(AccountEvaluation::readiness).toList());
    }
}
