package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg001AccountExistsRuleTest {
    private final Bg001AccountExistsRule rule = new Bg001AccountExistsRule();

    @Test
    void enabledAccountPasses() {
        Finding finding = ready().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("accountEnabled", true);
    }

    @Test
    void missingAccountFailsAndSaysItWasNotFound() {
        Finding finding = ready().userNotFound().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("not found");
        assertThat(finding.reason()).isNull();
    }

    @Test
    void disabledAccountFails() {
        Finding finding = ready().accountEnabled(false).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("disabled");
    }

    @Test
    void missingEnabledFlagIsUnknown() {
        Finding finding = ready().accountEnabled(null).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("graph-error");
    }

    @Test
    void unreadableUserIsUnknownWithReason() {
        Finding finding = ready().userUnreadable(NO_PERMISSION).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
        assertThat(finding.gap()).isEqualTo(NO_PERMISSION);
    }
}
