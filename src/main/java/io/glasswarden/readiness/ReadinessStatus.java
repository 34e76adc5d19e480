package io.glasswarden.readiness;

import java.util.List;

/** Readiness of one account, derived from its findings in the order rules.md fixes. */
public enum ReadinessStatus {
    READY, AT_RISK, NOT_READY, UNKNOWN;

    /** Derives the status: critical failure, then critical/high unknown, then high/medium failure, else ready. */
    public static ReadinessStatus derive(List<Finding> findings) {
        if (any(findings, RuleResult.FAIL, Severity.CRITICAL)) {
            return NOT_READY;
        }
        if (any(findings, RuleResult.UNKNOWN, Severity.CRITICAL, Severity.HIGH)) {
            return UNKNOWN;
        }
        if (any(findings, RuleResult.FAIL, Severity.HIGH, Severity.MEDIUM)) {
            return AT_RISK;
        }
        return READY;
    }

    private static boolean any(List<Finding> findings, RuleResult result, Severity... severities) {
        List<Severity> wanted = List.of(severities);
        return findings.stream().anyMatch(f -> f.result() == result && wanted.contains(f.severity()));
    }
}
