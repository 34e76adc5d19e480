package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class Bg002CloudOnlyRuleTest {
    private final Bg002CloudOnlyRule rule = new Bg002CloudOnlyRule();

    @Test
    void neverSyncedAccountPasses() {
        assertThat(ready().onPremisesSyncEnabled(null).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void formerlySyncedAccountPasses() {
        assertThat(ready().onPremisesSyncEnabled(false).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void syncedAccountFails() {
        assertThat(ready().onPremisesSyncEnabled(true).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void unreadableUserIsUnknown() {
        assertThat(ready().userUnreadable(THROTTLED).evaluate(rule).reason()).isEqualTo("throttled");
    }
}
