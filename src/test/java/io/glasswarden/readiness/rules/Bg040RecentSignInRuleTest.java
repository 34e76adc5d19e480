package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg040RecentSignInRuleTest {
    private final Bg040RecentSignInRule rule = new Bg040RecentSignInRule();

    @Test
    void recentSuccessfulSignInPasses() {
        assertThat(ready().signInActivity(NOW.minus(days(89))).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void staleSignInFails() {
        assertThat(ready().signInActivity(NOW.minus(days(91))).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void neverSignedInFails() {
        Finding finding = ready().signInActivity(null).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence()).containsEntry("lastSuccessfulSignIn", null);
    }

    @Test
    void unreadableActivityIsUnknownWithLicenceReason() {
        Finding finding = ready().signInActivityUnreadable(NO_LICENCE).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("license-required");
    }
}
