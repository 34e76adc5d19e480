package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.AUTHENTICATOR_ANDROID;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg015HardwareBoundKeysRuleTest {
    private final Bg015HardwareBoundKeysRule rule = new Bg015HardwareBoundKeysRule();

    @Test
    void deviceBoundKeysPass() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void syncedPasskeyFails() {
        Finding finding = ready().methods(key("k", YUBIKEY_5, "attested", "synced")).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("notHardwareBound").toString()).contains("synced passkey");
    }

    @Test
    void authenticatorPasskeyFailsEvenWhenDeviceBound() {
        Finding finding = ready().methods(key("k", AUTHENTICATOR_ANDROID.toUpperCase())).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("notHardwareBound").toString()).contains("Authenticator for Android");
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
