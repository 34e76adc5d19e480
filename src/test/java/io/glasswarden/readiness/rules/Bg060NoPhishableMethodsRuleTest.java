package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.settingsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg060NoPhishableMethodsRuleTest {
    private final Bg060NoPhishableMethodsRule rule = new Bg060NoPhishableMethodsRule();

    @Test
    void passwordAndKeysPass() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void eachDisallowedKindIsListed() {
        Finding finding = ready().methods(key("k", YUBIKEY_5), method("ph", MethodKind.PHONE),
                method("ma", MethodKind.MICROSOFT_AUTHENTICATOR), method("so", MethodKind.SOFTWARE_OATH),
                method("ho", MethodKind.HARDWARE_OATH), method("em", MethodKind.EMAIL)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence()).containsEntry("disallowedKinds",
                List.of("phone", "microsoftAuthenticator", "softwareOath", "hardwareOath", "email"));
    }

    @Test
    void allowedFallbackPasses() {
        assertThat(ready().methods(key("k", YUBIKEY_5), method("ph", MethodKind.PHONE))
                .settings(settingsWith(null, null, null, List.of("phone"), null))
                .evaluate(rule)
                .result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
