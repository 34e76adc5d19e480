package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class Bg003MemberAccountRuleTest {
    private final Bg003MemberAccountRule rule = new Bg003MemberAccountRule();

    @Test
    void memberPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void guestFails() {
        assertThat(ready().userType("Guest").evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void unreadableUserIsUnknown() {
        assertThat(ready().userUnreadable(THROTTLED).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
