package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class Bg016AttestedKeysRuleTest {
    private final Bg016AttestedKeysRule rule = new Bg016AttestedKeysRule();

    @Test
    void attestedKeysPass() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void notAttestedKeyFails() {
        assertThat(ready().methods(key("k", YUBIKEY_5, "notAttested", "deviceBound")).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void missingAttestationLevelFails() {
        assertThat(ready().methods(key("k", YUBIKEY_5, null, "deviceBound")).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void noFido2KeyIsNotApplicable() {
        assertThat(ready().methods().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
