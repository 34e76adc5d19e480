package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg062NoUnreviewedNewMethodRuleTest {
    private final Bg062NoUnreviewedNewMethodRule rule = new Bg062NoUnreviewedNewMethodRule();

    @Test
    void firstEvaluationIsNotApplicable() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void unchangedMethodsPass() {
        assertThat(ready().previousMethodIds("pw", "key-a", "key-b").evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void newUnacknowledgedMethodFails() {
        Finding finding = ready().previousMethodIds("pw", "key-a").evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("unreviewedMethods").toString()).contains("key-b");
    }

    @Test
    void acknowledgedNewMethodPasses() {
        assertThat(ready().previousMethodIds("pw", "key-a").acknowledgedMethods("key-b").evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void removedMethodsAreListed() {
        Finding finding = ready().previousMethodIds("pw", "key-a", "key-b", "old-phone").evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("removedMethodIds", List.of("old-phone"));
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().previousMethodIds("pw").methodsUnreadable(NO_PERMISSION).evaluate(rule).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }
}
