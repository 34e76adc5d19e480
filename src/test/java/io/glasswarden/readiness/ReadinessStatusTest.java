package io.glasswarden.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadinessStatusTest {

    private static Finding finding(Severity severity, RuleResult result) {
        return new Finding("BG-X", "t", severity, result, null, "m", null, "r", "u", null);
    }

    @Test
    void criticalFailureWinsOverEverything() {
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.HIGH, RuleResult.UNKNOWN),
                finding(Severity.CRITICAL, RuleResult.FAIL)))).isEqualTo(ReadinessStatus.NOT_READY);
    }

    @Test
    void criticalOrHighUnknownComesBeforeHighFailure() {
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.HIGH, RuleResult.FAIL),
                finding(Severity.CRITICAL, RuleResult.UNKNOWN)))).isEqualTo(ReadinessStatus.UNKNOWN);
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.HIGH, RuleResult.UNKNOWN))))
                .isEqualTo(ReadinessStatus.UNKNOWN);
    }

    @Test
    void highOrMediumFailureIsAtRisk() {
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.HIGH, RuleResult.FAIL))))
                .isEqualTo(ReadinessStatus.AT_RISK);
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.MEDIUM, RuleResult.FAIL),
                finding(Severity.MEDIUM, RuleResult.UNKNOWN)))).isEqualTo(ReadinessStatus.AT_RISK);
    }

    @Test
    void lowAndInfoFailuresAndMediumUnknownsLeaveItReady() {
        assertThat(ReadinessStatus.derive(List.of(finding(Severity.LOW, RuleResult.FAIL),
                finding(Severity.INFO, RuleResult.FAIL), finding(Severity.MEDIUM, RuleResult.UNKNOWN),
                finding(Severity.CRITICAL, RuleResult.NOT_APPLICABLE)))).isEqualTo(ReadinessStatus.READY);
    }
}
