package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class BgT04SecurityDefaultsRuleTest {
    private final BgT04SecurityDefaultsRule rule = new BgT04SecurityDefaultsRule();

    @Test
    void securityDefaultsOffPasses() {
        assertThat(rule.evaluate(ready().securityDefaults(false).tenant()).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void securityDefaultsOnFails() {
        assertThat(rule.evaluate(ready().securityDefaults(true).tenant()).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void unreadableIsUnknown() {
        assertThat(rule.evaluate(ready().securityDefaultsUnreadable(NO_PERMISSION).tenant()).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }
}
