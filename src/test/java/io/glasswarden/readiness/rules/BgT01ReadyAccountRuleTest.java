package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.ReadinessStatus;
import io.glasswarden.readiness.RuleResult;

class BgT01ReadyAccountRuleTest {
    static final AccountReadiness READY = ready().readiness();
    static final AccountReadiness NOT_READY = ready().accountEnabled(false).readiness();
    static final AccountReadiness UNKNOWN = ready().policiesUnreadable(NO_PERMISSION).readiness();
    /** BG-004 (MEDIUM) fails: the account works but is at risk. */
    static final AccountReadiness AT_RISK = ready().upn("bg-01@contoso.com").readiness();
    private final BgT01ReadyAccountRule rule = new BgT01ReadyAccountRule();

    @Test
    void fixturesHaveTheStatusTheirNameSays() {
        assertThat(READY.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(NOT_READY.status()).isEqualTo(ReadinessStatus.NOT_READY);
        assertThat(UNKNOWN.status()).isEqualTo(ReadinessStatus.UNKNOWN);
        assertThat(AT_RISK.status()).isEqualTo(ReadinessStatus.AT_RISK);
    }

    @Test
    void oneReadyAccountPasses() {
        Finding finding = rule.evaluate(ready().tenant(READY, NOT_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).startsWith("1 emergency account(s) are ready");
        assertThat(finding.evidence()).containsEntry("needed", 1).containsEntry("ready", 1L);
    }

    @Test
    void noReadyAccountFails() {
        Finding finding = rule.evaluate(ready().tenant(NOT_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("Only 0 emergency account(s) are ready;")
                .doesNotContain("could not be checked");
    }

    @Test
    void noAccountAtAllFails() {
        assertThat(rule.evaluate(ready().tenant()).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void anUnknownAccountIsNotReadySoTheRuleFailsAndCountsIt() {
        // rules.md v1.1 BG-T01: accounts that are UNKNOWN are not ready; the message says how many could not be
        // checked.
        Finding finding = rule.evaluate(ready().tenant(UNKNOWN, NOT_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.gap()).isNull();
        assertThat(finding.message()).contains("Only 0 emergency account(s) are ready")
                .contains("1 could not be checked");
        assertThat(finding.evidence()).containsEntry("ready", 0L).containsEntry("couldNotBeChecked", 1L);
    }

    @Test
    void anAtRiskAccountIsNotReady() {
        Finding finding = rule.evaluate(ready().tenant(AT_RISK, AT_RISK));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("Only 0 emergency account(s) are ready");
        assertThat(finding.evidence().get("accounts").toString()).contains("status=AT_RISK");
    }
}
