package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.NOT_READY;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.READY;
import static io.glasswarden.readiness.rules.BgT01ReadyAccountRuleTest.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class BgT02TwoReadyAccountsRuleTest {
    private final BgT02TwoReadyAccountsRule rule = new BgT02TwoReadyAccountsRule();

    @Test
    void twoReadyAccountsPass() {
        assertThat(rule.evaluate(ready().tenant(READY, READY)).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void oneReadyAccountFails() {
        assertThat(rule.evaluate(ready().tenant(READY, NOT_READY)).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void oneReadyAndOneUnknownIsUnknown() {
        assertThat(rule.evaluate(ready().tenant(READY, UNKNOWN)).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
