package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One point of an account's readiness trend: status, usable credentials, and which rules failed or were unknown.
 * The full readiness of that evaluation is at {@code /api/v1/evaluations/{evaluationId}/results}.
 */
public record ReadinessHistoryEntry(UUID evaluationId, Instant evaluatedAt, String status, Boolean mandatoryMfaReady,
        Integer usableCredentials, List<String> failedRules, List<String> unknownRules) {

    static ReadinessHistoryEntry of(AccountEvaluation row) {
        Map<String, Object> r = row.readiness().asMap();
        return new ReadinessHistoryEntry(row.evaluationId(), row.evaluatedAt(), row.status(),
                (Boolean) r.get("mandatoryMfaReady"),
                r.get("usableCredentials") instanceof Number n ? n.intValue() : null, rules(r, "FAIL"),
                rules(r, "UNKNOWN"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> readiness, String result) {
        List<Map<String, Object>> findings = (List<Map<String, Object>>) readiness.getOrDefault("findings", List.of());
        return findings.stream()
                .filter(f -> result.equals(f.get("result")))
                .map(f -> (String) f.get("ruleId"))
                .toList();
    }
}
