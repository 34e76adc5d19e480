package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.windowsHello;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class BgT03NoSinglePointOfFailureRuleTest {
    private final BgT03NoSinglePointOfFailureRule rule = new BgT03NoSinglePointOfFailureRule();

    private static AccountReadiness withKeys(String... aaguids) {
        return ready().methods(Arrays.stream(aaguids).map(a -> key("k-" + a, a)).toArray(AuthenticationMethod[]::new))
                .readiness();
    }

    @Test
    void allKeysOfOneModelAcrossAccountsFail() {
        Finding finding = rule.evaluate(ready().tenant(withKeys(YUBIKEY_5, YUBIKEY_5), withKeys(YUBIKEY_5)));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence()).containsEntry("sharedAaguid", YUBIKEY_5)
                .containsEntry("model",
                        "YubiKey 5 Series");
    }

    @Test
    void twoModelsPass() {
        assertThat(rule.evaluate(ready().tenant(withKeys(YUBIKEY_5), withKeys(YUBIKEY_5_NFC))).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void anotherKindOfCredentialPasses() {
        AccountReadiness hello = ready().methods(windowsHello("w", "normal")).readiness();
        assertThat(rule.evaluate(ready().tenant(withKeys(YUBIKEY_5), hello)).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noUsableCredentialIsNotApplicable() {
        AccountReadiness none = ready().methods(method("ph", MethodKind.PHONE)).readiness();
        assertThat(rule.evaluate(ready().tenant(none)).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void oneModelWithAnUncheckedAccountIsUnknown() {
        AccountReadiness unchecked = ready().methodsUnreadable(NO_PERMISSION).readiness();
        assertThat(rule.evaluate(ready().tenant(withKeys(YUBIKEY_5), unchecked)).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }
}
