package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.readiness.RuleResult;

class Bg061NoUsableTemporaryAccessPassRuleTest {
    private final Bg061NoUsableTemporaryAccessPassRule rule = new Bg061NoUsableTemporaryAccessPassRule();

    @Test
    void noPassPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void usablePassFails() {
        assertThat(ready().methods(AuthenticationMethod.temporaryAccessPass("tap", NOW, true))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void expiredPassPasses() {
        assertThat(ready().methods(AuthenticationMethod.temporaryAccessPass("tap", NOW, false))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void aPassNotYetValidFailsAndSaysWhenItBecomesUsable() {
        var start = NOW.plus(java.time.Duration.ofDays(2));
        var finding = ready().methods(AuthenticationMethod.temporaryAccessPass("tap", NOW, false, "NotYetValid", start))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("becomes usable at " + start);
        assertThat(finding.evidence().get("temporaryAccessPasses").toString()).contains("NotYetValid");
    }

    @Test
    void aPassUnusableForAnotherReasonPasses() {
        assertThat(ready().methods(AuthenticationMethod.temporaryAccessPass("tap", NOW, false, "expired", NOW))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
