package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.AT_RISK;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.NOT_READY;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.READY;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class BgT02TwoReadyAccountsRuleTest {
    private final BgT02TwoReadyAccountsRule rule = new BgT02TwoReadyAccountsRule();

    @Test
    void twoReadyAccountsPass() {
        Finding finding = rule.evaluate(ready().tenant(READY, READY));

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).startsWith("2 emergency account(s) are ready");
    }

    @Test
    void oneReadyAccountFails() {
        Finding finding = rule.evaluate(ready().tenant(READY, NOT_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("Only 1 emergency account(s) are ready").contains("at least 2");
    }

    @Test
    void oneReadyAndTwoUnknownFailsAndSaysTwoCouldNotBeChecked() {
        Finding finding = rule.evaluate(ready().tenant(READY, UNKNOWN, UNKNOWN));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("Only 1 emergency account(s) are ready")
                .contains("2 could not be checked");
        assertThat(finding.evidence()).containsEntry("needed", 2).containsEntry("couldNotBeChecked", 2L);
    }

    @Test
    void oneReadyAndOneAtRiskFails() {
        Finding finding = rule.evaluate(ready().tenant(READY, AT_RISK));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("Only 1 emergency account(s) are ready")
                .doesNotContain("could not be checked");
    }
}
