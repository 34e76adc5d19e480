package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg021ReportOnlyLockoutRuleTest {
    private static final String REPORT_ONLY = "enabledForReportingButNotEnforced";
    private final Bg021ReportOnlyLockoutRule rule = new Bg021ReportOnlyLockoutRule();

    @Test
    void reportOnlyBlockPolicyFails() {
        Finding finding = ready().policies(ca("r1").state(REPORT_ONLY).grant("OR", "block").build()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("lockingPolicies").toString()).contains("r1", "blocks access");
    }

    @Test
    void reportOnlyMfaPolicyPassesWithUsableKeys() {
        assertThat(ready().policies(ca("r1").state(REPORT_ONLY).build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void enabledAndDisabledPoliciesAreIgnored() {
        assertThat(ready().policies(ca("e").grant("OR", "block").build(),
                ca("d").state("disabled").grant("OR", "block").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadablePoliciesAreUnknown() {
        assertThat(ready().policiesUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
