package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.AUTHENTICATOR_ANDROID;
import static io.glasswarden.readiness.FactsBuilder.AUTHENTICATOR_IOS;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ONE_PASSWORD;
import static io.glasswarden.readiness.FactsBuilder.WINDOWS_HELLO_AAGUID;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.keyWithoutType;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg015HardwareBoundKeysRuleTest {
    private final Bg015HardwareBoundKeysRule rule = new Bg015HardwareBoundKeysRule();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Finding finding, String key) {
        return (List<Map<String, Object>>) finding.evidence().get(key);
    }

    @Test
    void deviceBoundKeysPass() {
        Finding finding = ready().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "hardwareBound")).extracting(k -> k.get("why"))
                .containsOnly("passkeyType deviceBound reported by Microsoft Graph");
    }

    @Test
    void syncedPasskeyFails() {
        Finding finding = ready().methods(key("k", YUBIKEY_5, "attested", "synced")).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(list(finding, "notHardwareBound")).singleElement()
                .satisfies(k -> assertThat(k.get("why")).asString().startsWith("synced passkey"));
    }

    @Test
    void authenticatorPasskeyFailsEvenWhenDeviceBound() {
        Finding finding = ready().methods(key("k", AUTHENTICATOR_ANDROID.toUpperCase())).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(list(finding, "notHardwareBound")).singleElement().satisfies(k -> {
            assertThat(k.get("why")).isEqualTo("Microsoft Authenticator passkey");
            assertThat(k.get("model")).asString().contains("Authenticator for Android");
        });
    }

    @Test
    void iosAuthenticatorPasskeyWithoutPasskeyTypeFails() {
        Finding finding = ready().methods(keyWithoutType("k", AUTHENTICATOR_IOS)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(list(finding, "notHardwareBound")).singleElement()
                .satisfies(k -> assertThat(k.get("why")).isEqualTo("Microsoft Authenticator passkey"));
    }

    @Test
    void keyWithoutPasskeyTypeOfAHardwareModelPasses() {
        Finding finding = ready().methods(keyWithoutType("k", YUBIKEY_5_NFC)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.reason()).isNull();
        assertThat(list(finding, "hardwareBound")).singleElement().satisfies(k -> {
            assertThat(k.get("passkeyType")).isNull();
            assertThat(k.get("why")).asString()
                    .contains("no passkeyType", "hardware key model YubiKey 5 Series with NFC");
        });
    }

    @Test
    void keyWithoutPasskeyTypeOfASyncedProviderFails() {
        Finding finding = ready().methods(key("a", YUBIKEY_5), keyWithoutType("k", ONE_PASSWORD)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("1 of the account's FIDO2 credentials");
        assertThat(list(finding, "notHardwareBound")).singleElement().satisfies(k -> {
            assertThat(k.get("id")).isEqualTo("k");
            assertThat(k.get("why")).isEqualTo("passkey of 1Password, a synced-passkey provider");
        });
    }

    @Test
    void syncedProviderAaguidFailsEvenWhenGraphSaysDeviceBound() {
        Finding finding = ready().methods(key("k", ONE_PASSWORD, "notAttested", "deviceBound")).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(list(finding, "notHardwareBound")).singleElement()
                .satisfies(k -> assertThat(k.get("why")).asString().contains("1Password"));
    }

    @Test
    void keyWithoutPasskeyTypeOfAnUnknownModelIsUnknownWithItsGap() {
        Finding finding = ready().methods(key("a", YUBIKEY_5), keyWithoutType("k", WINDOWS_HELLO_AAGUID))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("not-reported");
        assertThat(finding.gap().reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(finding.gap().data()).isEqualTo("passkey type of FIDO2 key 'BG key k' (k)");
        assertThat(finding.message()).contains("1 of the account's FIDO2 keys", "did not report their passkey type");
        assertThat(list(finding, "undetermined")).singleElement()
                .satisfies(k -> assertThat(k.get("aaGuid")).isEqualTo(WINDOWS_HELLO_AAGUID));
        assertThat(list(finding, "hardwareBound")).singleElement()
                .satisfies(k -> assertThat(k.get("id")).isEqualTo("a"));
    }

    @Test
    void aKnownSoftKeyFailsEvenBesideAnUndeterminedOneAndKeepsTheGap() {
        Finding finding = ready().methods(keyWithoutType("s", ONE_PASSWORD), keyWithoutType("k", WINDOWS_HELLO_AAGUID))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.reason()).isNull();
        assertThat(finding.gap().reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(finding.evidence()).containsKey("unreadable");
    }

    @Test
    void noFido2KeyIsNotApplicable() {
        assertThat(ready().methods().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        Finding finding = ready().methodsUnreadable(NO_PERMISSION).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
    }
}
