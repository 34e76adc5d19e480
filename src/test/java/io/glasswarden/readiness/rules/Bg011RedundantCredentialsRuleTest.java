package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.settingsWith;
import static io.glasswarden.readiness.FactsBuilder.windowsHello;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleResult;

class Bg011RedundantCredentialsRuleTest {
    private final Bg011RedundantCredentialsRule rule = new Bg011RedundantCredentialsRule();

    @Test
    void twoUsableKeysPassTheDefault() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void oneUsableKeyFails() {
        assertThat(ready().methods(key("k", YUBIKEY_5)).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void tenantMinimumIsHonoured() {
        assertThat(ready().settings(settingsWith(3, null, null, null, null)).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void tooFewKnownButSomeUncheckedIsUnknown() {
        assertThat(ready().methods(key("k", YUBIKEY_5), windowsHello("w", "normal"))
                .fido2Unreadable(NO_PERMISSION)
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
