package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class BgT01ReadyAccountRuleTest {
    static final AccountReadiness READY = ready().readiness();
    static final AccountReadiness NOT_READY = ready().accountEnabled(false).readiness();
    static final AccountReadiness UNKNOWN = ready().policiesUnreadable(NO_PERMISSION).readiness();
    private final BgT01ReadyAccountRule rule = new BgT01ReadyAccountRule();

    @Test
    void oneReadyAccountPasses() {
        assertThat(rule.evaluate(ready().tenant(READY, NOT_READY)).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noReadyAccountFails() {
        assertThat(rule.evaluate(ready().tenant(NOT_READY)).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void noAccountAtAllFails() {
        assertThat(rule.evaluate(ready().tenant()).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void unknownAccountMakesItUnknownWithTheAccountsReason() {
        Finding finding = rule.evaluate(ready().tenant(UNKNOWN, NOT_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
    }
}
