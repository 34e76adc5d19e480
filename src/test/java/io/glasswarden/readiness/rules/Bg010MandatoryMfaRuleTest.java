package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.allow;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.cbaPolicy;
import static io.glasswarden.readiness.FactsBuilder.fido2Policy;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.windowsHello;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg010MandatoryMfaRuleTest {
    private final Bg010MandatoryMfaRule rule = new Bg010MandatoryMfaRule();

    @Test
    void usableKeyPassesAndEvidenceNamesTheModel() {
        Finding finding = ready().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(credentials(finding)).first().satisfies(c -> {
            assertThat(c).containsEntry("aaGuid", YUBIKEY_5).containsEntry("model", "YubiKey 5 Series");
            assertThat(c).containsEntry("usable", "yes").containsEntry("whyNot", null);
        });
    }

    @Test
    void noPhishingResistantCredentialFails() {
        Finding finding = ready().methods(method("pw", MethodKind.PASSWORD), method("ph", MethodKind.PHONE))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence()).containsEntry("usableCredentials", 0);
    }

    @Test
    void blockedKeyFailsAndEvidenceSaysWhyNot() {
        Finding finding = ready().methods(key("k", YUBIKEY_5))
                .fido2(fido2Policy(List.of(allUsers()), List.of(), allow("00000000-0000-0000-0000-0000000000aa")))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(credentials(finding)).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("usable", "no");
            assertThat((String) c.get("whyNot")).contains("not on the allow list");
        });
    }

    @Test
    void weakWindowsHelloIsNotUsable() {
        assertThat(ready().methods(windowsHello("w", "weak")).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void normalWindowsHelloIsUsable() {
        assertThat(ready().methods(windowsHello("w", "normal")).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void readyCertificateAuthCountsAsOneCredential() {
        Finding finding = ready().methods()
                .certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com")
                .x509(cbaPolicy("enabled", "certificateUserIds", "x509CertificateMultiFactor"),
                        io.glasswarden.readiness.FactsBuilder.ca())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("usableCredentials", 1);
    }

    @Test
    void unreadableFido2PolicyWithoutOtherCredentialIsUnknown() {
        Finding finding = ready().fido2Unreadable(NO_PERMISSION).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
    }

    @Test
    void unreadableFido2PolicyStillPassesWithUsableWindowsHello() {
        Finding finding = ready().methods(key("k", YUBIKEY_5), windowsHello("w", "normal"))
                .fido2Unreadable(NO_PERMISSION)
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(credentials(finding)).extracting(c -> c.get("usable")).containsExactly("unknown", "yes");
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    void conditionalAccessDoesNotChangeUsability() {
        assertThat(ready().policies(ca("p").grant("OR", "block").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void onlyAKeyOfUnknownStorageIsUnknownNotFailed() {
        Finding finding = ready().methods(FactsBuilder.keyWithoutType("k", FactsBuilder.WINDOWS_HELLO_AAGUID))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("not-reported");
        assertThat(finding.gap().data()).isEqualTo("passkey type of FIDO2 key 'BG key k' (k)");
        assertThat(credentials(finding)).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("usable", "unknown").containsEntry("passkeyType", null);
            assertThat((String) c.get("whyNot")).contains("whether it is a synced passkey is unknown");
        });
    }

    @Test
    void aKeyOfUnknownStorageDoesNotCountBesideAUsableOne() {
        Finding finding = ready()
                .methods(key("a", YUBIKEY_5), FactsBuilder.keyWithoutType("k", FactsBuilder.WINDOWS_HELLO_AAGUID))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("usableCredentials", 1);
    }

    @Test
    void aSyncedProviderKeyWithoutPasskeyTypeIsNotUsable() {
        Finding finding = ready().methods(FactsBuilder.keyWithoutType("k", FactsBuilder.ONE_PASSWORD)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(credentials(finding)).singleElement()
                .satisfies(c -> assertThat((String) c.get("whyNot")).contains("1Password"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> credentials(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("credentials");
    }
}
