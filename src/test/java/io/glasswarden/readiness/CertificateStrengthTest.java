package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.cbaPolicy;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy.GrantControls;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;

/** An authentication strength's x509CertificateCombinationConfiguration against the account's certificate. */
class CertificateStrengthTest {
    private static final String MFA = "x509CertificateMultiFactor";
    private static final GrantControls GRANT = new GrantControls("AND", List.of(), List.of(), List.of(), "s-cba");

    private static FactsBuilder cbaOnly(String... certificateUserIds) {
        return ready().methods()
                .certificateUserIds(certificateUserIds)
                .x509(cbaPolicy("enabled", "certificateUserIds", MFA), ca());
    }

    private static AuthenticationStrength strength(List<String> combinations, List<String> skis, List<String> oids) {
        return new AuthenticationStrength("s-cba", "Smart cards of our PKI", combinations, List.of(), skis, oids);
    }

    private static Judgement judge(FactsBuilder facts, AuthenticationStrength strength) {
        return new LockoutCheck(CredentialAssessment.assess(facts.context()), Fact.known(List.of(strength)))
                .satisfiable(GRANT);
    }

    @Test
    void aKnownIssuerOnTheAllowListMeetsTheStrength() {
        Judgement judgement = judge(cbaOnly("X509:<I>CN=Contoso Root<S>CN=bg-01"),
                strength(List.of(MFA), List.of("SKI"), List.of()));

        assertThat(judgement.isYes()).isTrue();
        assertThat(judgement.why()).endsWith("credential certificate meets authentication strength "
                + "'Smart cards of our PKI'");
    }

    @Test
    void aKnownIssuerOffTheAllowListDoesNot() {
        Judgement judgement = judge(cbaOnly("X509:<I>cn=contoso root<SR>0a1b"),
                strength(List.of(MFA), List.of("AABBCC"), List.of()));

        assertThat(judgement.isNo()).isTrue();
        assertThat(judgement.why()).contains("no usable credential meets authentication strength",
                "certificate issuers [AABBCC]");
    }

    @Test
    void anUnknownIssuerLeavesTheStrengthUnknownForTheCertificate() {
        Judgement judgement = judge(cbaOnly("X509:<PN>bg-01@contoso.onmicrosoft.com"),
                strength(List.of(MFA), List.of("SKI"), List.of()));

        assertThat(judgement.isUnknown()).isTrue();
        assertThat(judgement.gap().reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(judgement.why()).contains("issuer of the account's certificate is not known");
    }

    @Test
    void anIssuerNamedByNoTrustedAuthorityIsUnknownToo() {
        Judgement judgement = judge(cbaOnly("X509:<I>CN=Fabrikam CA<S>CN=bg-01"),
                strength(List.of(MFA), List.of("SKI"), List.of()));

        assertThat(judgement.isUnknown()).isTrue();
    }

    @Test
    void allowedPolicyOidsCannotBeCheckedAndAreUnknown() {
        Judgement judgement = judge(cbaOnly("X509:<I>CN=Contoso Root<S>CN=bg-01"),
                strength(List.of(MFA), List.of(), List.of("1.3.6.1.4.1.311.21.8.1.402")));

        assertThat(judgement.isUnknown()).isTrue();
        assertThat(judgement.why()).contains("policy OIDs [1.3.6.1.4.1.311.21.8.1.402]");
    }

    @Test
    void anUnrestrictedStrengthAdmitsTheCertificateWithoutKnowingItsIssuer() {
        Judgement judgement = judge(cbaOnly("X509:<PN>bg-01@contoso.onmicrosoft.com"),
                strength(List.of(MFA), List.of(), List.of()));

        assertThat(judgement.isYes()).isTrue();
    }

    @Test
    void aKeyTheStrengthAdmitsSettlesItWhateverTheCertificate() {
        FactsBuilder facts = cbaOnly("X509:<PN>bg-01@contoso.onmicrosoft.com").methods(key("k", YUBIKEY_5));

        Judgement judgement = judge(facts, strength(List.of("fido2", MFA), List.of("SKI"), List.of("1.2.3")));

        assertThat(judgement.isYes()).isTrue();
        assertThat(judgement.why()).contains("credential k meets");
    }
}
