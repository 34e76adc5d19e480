package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.ONE_PASSWORD;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.WINDOWS_HELLO_AAGUID;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.allow;
import static io.glasswarden.readiness.FactsBuilder.block;
import static io.glasswarden.readiness.FactsBuilder.fido2Policy;
import static io.glasswarden.readiness.FactsBuilder.fido2Profiles;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.keyWithoutType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.KeyRestrictions;
import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.directory.UnknownReason;

class Fido2EligibilityTest {
    private static final AuthenticationMethod KEY = key("k", YUBIKEY_5);
    private static final AuthenticationMethod SYNCED = key("s", YUBIKEY_5, "attested", "synced");
    private static final PasskeyProfile DEVICE_BOUND_YUBIKEY = new PasskeyProfile("p-yk", "YubiKeys only",
            List.of("deviceBound"), allow(YUBIKEY_5));
    private static final PasskeyProfile ANY_KEY = new PasskeyProfile("p-any", "Any key", List.of("deviceBound,synced"),
            null);

    private static Fido2Eligibility eligibility(Fido2Policy policy, boolean allowSynced, String... groups) {
        return new Fido2Eligibility(policy, USER_ID, Fact.known(Set.of(groups)), allowSynced,
                AaguidCatalogue.bundled());
    }

    @Test
    void legacyAllowListPermitsListedKeyCaseInsensitively() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), allow(YUBIKEY_5.toUpperCase()));
        assertThat(eligibility(policy, false).permits(KEY).isYes()).isTrue();
    }

    @Test
    void legacyAllowListBlocksUnlistedKey() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), allow(YUBIKEY_5_NFC));
        assertThat(eligibility(policy, false).permits(KEY).why())
                .isEqualTo("not on the allow list of the FIDO2 key restrictions");
    }

    @Test
    void legacyBlockListBlocksListedKey() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), block(YUBIKEY_5));
        assertThat(eligibility(policy, false).permits(KEY).isNo()).isTrue();
    }

    @Test
    void legacyBlockListPermitsOtherKeys() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), block(YUBIKEY_5_NFC));
        assertThat(eligibility(policy, false).permits(KEY).isYes()).isTrue();
    }

    @Test
    void restrictionsNotEnforcedPermitAnything() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), new KeyRestrictions(false, "allow",
                List.of(YUBIKEY_5_NFC)));
        assertThat(eligibility(policy, false).permits(KEY).isYes()).isTrue();
    }

    @Test
    void unrecognisedEnforcementTypeIsUnknownNotPermitted() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), new KeyRestrictions(true,
                "unknownFutureValue", List.of(YUBIKEY_5)));
        assertThat(eligibility(policy, false).permits(KEY).isUnknown()).isTrue();
    }

    @Test
    void profileListedOnTheMatchingTargetApplies() {
        Fido2Policy policy = fido2Profiles(List.of(group("g-bg", "p-yk")), "p-any", DEVICE_BOUND_YUBIKEY, ANY_KEY);
        Fido2Eligibility eligibility = eligibility(policy, false, "g-bg");

        assertThat(eligibility.permits(KEY).isYes()).isTrue();
        assertThat(eligibility.permits(key("n", YUBIKEY_5_NFC)).why()).contains("passkey profile 'YubiKeys only'");
    }

    @Test
    void targetWithoutProfilesUsesTheDefaultProfile() {
        Fido2Policy policy = fido2Profiles(List.of(allUsers()), "p-yk", DEVICE_BOUND_YUBIKEY, ANY_KEY);
        assertThat(eligibility(policy, false).permits(key("n", YUBIKEY_5_NFC)).isNo()).isTrue();
    }

    @Test
    void anyApplicableProfileCanPermit() {
        Fido2Policy policy = fido2Profiles(List.of(group("g-a", "p-yk"), group("g-b", "p-any")), null,
                DEVICE_BOUND_YUBIKEY, ANY_KEY);
        assertThat(eligibility(policy, false, "g-a", "g-b").permits(key("n", YUBIKEY_5_NFC)).isYes()).isTrue();
    }

    @Test
    void profileOfANonMatchingTargetDoesNotApply() {
        Fido2Policy policy = fido2Profiles(List.of(group("g-a", "p-yk"), group("g-other", "p-any")), null,
                DEVICE_BOUND_YUBIKEY, ANY_KEY);
        assertThat(eligibility(policy, false, "g-a").permits(key("n", YUBIKEY_5_NFC)).isNo()).isTrue();
    }

    @Test
    void profilePasskeyTypesMustContainTheKeysType() {
        Fido2Policy policy = fido2Profiles(List.of(allUsers()), "p-yk", DEVICE_BOUND_YUBIKEY);
        assertThat(eligibility(policy, true).permits(SYNCED).why()).contains("does not allow synced passkeys");
    }

    @Test
    void profileIgnoresPasskeyTypeWhenGraphOmitsIt() {
        Fido2Policy policy = fido2Profiles(List.of(allUsers()), "p-yk", DEVICE_BOUND_YUBIKEY);
        assertThat(eligibility(policy, false).permits(key("k", YUBIKEY_5, "attested", null)).isYes()).isTrue();
    }

    @Test
    void noMatchingTargetMeansNoProfileApplies() {
        Fido2Policy policy = fido2Profiles(List.of(group("g-other")), "p-any", ANY_KEY);
        Fido2Eligibility eligibility = eligibility(policy, false);

        assertThat(eligibility.profileApplies().isNo()).isTrue();
        assertThat(eligibility.permits(KEY).isNo()).isTrue();
    }

    @Test
    void syncedPasskeyIsUnusableUnlessAllowed() {
        Fido2Policy policy = fido2Profiles(List.of(allUsers()), "p-any", ANY_KEY);

        assertThat(eligibility(policy, false).usable(SYNCED).why()).contains("synced passkey");
        assertThat(eligibility(policy, true).usable(SYNCED).isYes()).isTrue();
    }

    @Test
    void keyWithoutPasskeyTypeIsJudgedByItsAaguid() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), null);

        Judgement hardware = eligibility(policy, false).syncAllowed(keyWithoutType("h", YUBIKEY_5_NFC));
        Judgement provider = eligibility(policy, false).syncAllowed(keyWithoutType("p", ONE_PASSWORD));

        assertThat(hardware.isYes()).isTrue();
        assertThat(hardware.why()).contains("hardware key model YubiKey 5 Series with NFC");
        assertThat(provider.isNo()).isTrue();
        assertThat(provider.why()).contains("synced passkey", "1Password", "do not allow synced passkeys");
    }

    @Test
    void keyWithoutPasskeyTypeOfAnUnknownModelIsNotCountedUsableUnlessSyncedAreAllowed() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(), null);
        AuthenticationMethod unknown = keyWithoutType("u", WINDOWS_HELLO_AAGUID);

        Judgement strict = eligibility(policy, false).usable(unknown);

        assertThat(strict.isUnknown()).isTrue();
        assertThat(strict.why()).contains("whether it is a synced passkey is unknown", WINDOWS_HELLO_AAGUID);
        assertThat(strict.gap().reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(strict.gap().data()).isEqualTo("passkey type of FIDO2 key 'BG key u' (u)");
        Judgement lenient = eligibility(policy, true).usable(unknown);
        assertThat(lenient.isYes()).isTrue();
        assertThat(eligibility(policy, true).syncAllowed(unknown).why()).isEqualTo("synced passkeys are allowed");
    }

    @Test
    void disabledPolicyMakesKeysUnusable() {
        Fido2Policy policy = new Fido2Policy("disabled", List.of(allUsers()), List.of(), null, List.of(), null);
        assertThat(eligibility(policy, false).usable(KEY).isNo()).isTrue();
    }

    @Test
    void excludedAccountCannotUseItsKeys() {
        Fido2Policy policy = fido2Policy(List.of(allUsers()), List.of(group("g-x")), null);
        assertThat(eligibility(policy, false, "g-x").usable(KEY).isNo()).isTrue();
    }
}
