package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.PHISHING_RESISTANT;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.phishingResistantStrength;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.windowsHello;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy.GrantControls;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.MethodKind;

class LockoutCheckTest {
    private static final CredentialAssessment TWO_YUBIKEYS = CredentialAssessment.assess(ready().context());
    private static final CredentialAssessment NOTHING_USABLE = CredentialAssessment
            .assess(ready().methods().context());

    private static LockoutCheck check(CredentialAssessment credentials, AuthenticationStrength... strengths) {
        return new LockoutCheck(credentials, Fact.known(List.of(strengths)));
    }

    private static GrantControls grant(String operator, String... builtIn) {
        return new GrantControls(operator, List.of(builtIn), List.of(), List.of(), null);
    }

    @Test
    void sessionControlsOnlyAreSatisfiable() {
        assertThat(check(NOTHING_USABLE).satisfiable(null).isYes()).isTrue();
    }

    @Test
    void blockIsNeverSatisfiableEvenWithAlternatives() {
        assertThat(check(TWO_YUBIKEYS).satisfiable(grant("OR", "mfa", "block")).isNo()).isTrue();
    }

    @Test
    void mfaNeedsOneUsableCredential() {
        assertThat(check(TWO_YUBIKEYS).satisfiable(grant("OR", "mfa")).isYes()).isTrue();
        assertThat(check(NOTHING_USABLE).satisfiable(grant("OR", "mfa")).isNo()).isTrue();
    }

    @Test
    void deviceAndAppControlsCannotBeGuaranteed() {
        for (String control : List.of("compliantDevice", "domainJoinedDevice", "approvedApplication",
                "compliantApplication", "passwordChange")) {
            assertThat(check(TWO_YUBIKEYS).satisfiable(grant("AND", control)).isNo()).as(control).isTrue();
        }
    }

    @Test
    void andNeedsEveryControl() {
        assertThat(check(TWO_YUBIKEYS).satisfiable(grant("AND", "mfa", "compliantDevice")).isNo()).isTrue();
    }

    @Test
    void orNeedsAnyControl() {
        assertThat(check(TWO_YUBIKEYS).satisfiable(grant("OR", "mfa", "compliantDevice")).isYes()).isTrue();
    }

    @Test
    void customControlsCannotBeGuaranteedAndTermsOfUseCan() {
        assertThat(check(TWO_YUBIKEYS).satisfiable(new GrantControls("AND", List.of("mfa"), List.of("duo"),
                List.of(), null)).isNo()).isTrue();
        assertThat(check(TWO_YUBIKEYS).satisfiable(new GrantControls("AND", List.of("mfa"), List.of(),
                List.of("tou-1"), null)).isYes()).isTrue();
    }

    @Test
    void strengthIsLookedUpByIdAndMetByAKey() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), PHISHING_RESISTANT);
        assertThat(check(TWO_YUBIKEYS, phishingResistantStrength(List.of())).satisfiable(grant).isYes()).isTrue();
    }

    @Test
    void strengthAllowedAaguidsMustContainAUsableKey() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), PHISHING_RESISTANT);
        CredentialAssessment oneKey = CredentialAssessment.assess(ready().methods(key("k", YUBIKEY_5)).context());

        assertThat(check(oneKey, phishingResistantStrength(List.of(YUBIKEY_5_NFC))).satisfiable(grant).isNo())
                .isTrue();
        assertThat(check(oneKey, phishingResistantStrength(List.of(YUBIKEY_5))).satisfiable(grant).isYes()).isTrue();
    }

    @Test
    void strengthWithoutTheCredentialsModeIsNotMet() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), "custom");
        AuthenticationStrength hello = new AuthenticationStrength("custom", "Hello only",
                List.of("windowsHelloForBusiness"), List.of());

        assertThat(check(TWO_YUBIKEYS, hello).satisfiable(grant).isNo()).isTrue();
        CredentialAssessment helloUser = CredentialAssessment.assess(ready().methods(windowsHello("w", "normal"))
                .context());
        assertThat(check(helloUser, hello).satisfiable(grant).isYes()).isTrue();
    }

    @Test
    void macPlatformCredentialCountsAsWindowsHelloForStrengths() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), PHISHING_RESISTANT);
        CredentialAssessment mac = CredentialAssessment.assess(ready().methods(AuthenticationMethod.withKeyStrength(
                "mac", MethodKind.PLATFORM_CREDENTIAL, "MacBook", FactsBuilder.NOW, "normal")).context());

        assertThat(check(mac, phishingResistantStrength(List.of())).satisfiable(grant).isYes()).isTrue();
    }

    @Test
    void unreadableStrengthsAreUnknown() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), PHISHING_RESISTANT);
        assertThat(new LockoutCheck(TWO_YUBIKEYS, Fact.unknown(NO_PERMISSION)).satisfiable(grant).isUnknown())
                .isTrue();
    }

    @Test
    void unknownStrengthIdIsUnknown() {
        GrantControls grant = new GrantControls("AND", List.of(), List.of(), List.of(), "missing");
        assertThat(check(TWO_YUBIKEYS, phishingResistantStrength(List.of())).satisfiable(grant).isUnknown())
                .isTrue();
    }

    @Test
    void mfaWithUncheckedCredentialsIsUnknownRatherThanLocked() {
        CredentialAssessment unchecked = CredentialAssessment.assess(ready().fido2Unreadable(NO_PERMISSION)
                .context());
        assertThat(check(unchecked).satisfiable(grant("OR", "mfa")).isUnknown()).isTrue();
    }
}
