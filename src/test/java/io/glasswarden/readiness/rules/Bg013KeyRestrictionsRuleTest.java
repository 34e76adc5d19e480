package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.allow;
import static io.glasswarden.readiness.FactsBuilder.block;
import static io.glasswarden.readiness.FactsBuilder.fido2Policy;
import static io.glasswarden.readiness.FactsBuilder.fido2Profiles;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg013KeyRestrictionsRuleTest {
    private final Bg013KeyRestrictionsRule rule = new Bg013KeyRestrictionsRule();

    @Test
    void unenforcedRestrictionsPass() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void allowListWithBothKeysPasses() {
        assertThat(ready().fido2(fido2Policy(List.of(allUsers()), List.of(), allow(YUBIKEY_5,
                YUBIKEY_5_NFC.toUpperCase()))).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void allowListMissingAKeyFailsAndNamesTheBlockedKey() {
        Finding finding = ready().fido2(fido2Policy(List.of(allUsers()), List.of(), allow(YUBIKEY_5)))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(blocked(finding)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("aaGuid", YUBIKEY_5_NFC).containsEntry("model", "YubiKey 5 Series with NFC");
            assertThat((String) k.get("blockedBy")).isEqualTo("not on the allow list of the FIDO2 key restrictions");
        });
    }

    @Test
    void blockListWithAKeyFails() {
        assertThat(ready().fido2(fido2Policy(List.of(allUsers()), List.of(), block(YUBIKEY_5)))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void passkeyProfileBlockingAKeyFails() {
        PasskeyProfile profile = new PasskeyProfile("p1", "Default", List.of("deviceBound"), allow(YUBIKEY_5));
        Finding finding = ready().fido2(fido2Profiles(List.of(allUsers()), "p1", profile)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat((String) blocked(finding).get(0).get("blockedBy")).contains("passkey profile 'Default' (p1)");
    }

    @Test
    void passkeyProfileAllowingBothKeysPasses() {
        PasskeyProfile profile = new PasskeyProfile("p1", "Default", List.of("deviceBound"),
                allow(YUBIKEY_5, YUBIKEY_5_NFC));
        assertThat(ready().fido2(fido2Profiles(List.of(allUsers()), "p1", profile)).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void notApplicableWhenNoProfileAppliesBecauseNoTargetMatches() {
        PasskeyProfile profile = new PasskeyProfile("p1", "Default", List.of("deviceBound"), null);
        assertThat(ready().fido2(fido2Profiles(List.of(group("g-other")), "p1", profile)).evaluate(rule).result())
                .isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void noFido2KeyIsNotApplicable() {
        assertThat(ready().methods().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void unreadablePolicyIsUnknown() {
        assertThat(ready().fido2Unreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    void unreadableGroupsWithProfileOnGroupIsUnknown() {
        PasskeyProfile profile = new PasskeyProfile("p1", "Default", List.of("deviceBound"), null);
        assertThat(ready().groupsUnreadable(NO_PERMISSION)
                .fido2(fido2Profiles(List.of(group("g")), "p1", profile))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.UNKNOWN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocked(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("blockedKeys");
    }
}
