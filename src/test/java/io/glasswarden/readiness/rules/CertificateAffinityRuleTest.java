package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.directory.X509Policy;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

/** BG-018 and the required affinity of the username binding that resolves the account (rules.md v1.1). */
class CertificateAffinityRuleTest {
    private static final String MFA = "x509CertificateMultiFactor";
    private static final String PN = "X509:<PN>bg-01@contoso.onmicrosoft.com";
    private static final String SKI = "X509:<SKI>6f3a91c2";
    private static final String ISSUER_AND_SUBJECT = "X509:<I>CN=Contoso Root<S>CN=bg-01";
    private static final CertificateUserBinding PN_LOW = new CertificateUserBinding("PrincipalName",
            "certificateUserIds", 1, "low");
    private static final CertificateUserBinding SKI_HIGH = new CertificateUserBinding("SubjectKeyIdentifier",
            "certificateUserIds", 2, "high");
    private final Bg018CertificateAuthRule rule = new Bg018CertificateAuthRule();

    private static X509Policy policy(String defaultAffinity, List<CertificateUserBinding> bindings,
            CertificateAuthenticationRule... rules) {
        return new X509Policy("enabled", List.of(allUsers()), List.of(), bindings, MFA, List.of(rules),
                defaultAffinity);
    }

    private static Finding evaluate(X509Policy policy, String... certificateUserIds) {
        FactsBuilder facts = ready().certificateUserIds(certificateUserIds).x509(policy, ca());
        return new Bg018CertificateAuthRule().evaluate(facts.context());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> affinity(Finding finding) {
        return (Map<String, Object>) finding.evidence().get("affinity");
    }

    @Test
    void lowAffinityIsEnoughWhenNothingIsRequired() {
        Finding finding = evaluate(policy(null, List.of(PN_LOW)), PN);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("requiredAffinity")).isEqualTo(List.of("low"));
        assertThat(affinity(finding)).containsEntry("meets", "yes");
    }

    @Test
    void aLowBindingFailsARequiredHighAffinity() {
        Finding finding = evaluate(policy("high", List.of(PN_LOW)), PN);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("no username binding that can resolve the account meets the required "
                + "high affinity");
        assertThat(affinity(finding)).containsEntry("meets", "no");
    }

    @Test
    void aHighBindingMeetsARequiredHighAffinity() {
        Finding finding = evaluate(policy("high", List.of(SKI_HIGH)), SKI);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("requiredAffinity")).isEqualTo(List.of("high"));
        assertThat(affinity(finding).get("why")).asString().contains("offer [high]");
    }

    @Test
    void lowAndHighBindingsThatBothResolveLeaveTheAffinityUnknown() {
        Finding finding = evaluate(policy("high", List.of(PN_LOW, SKI_HIGH)), PN, SKI);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("not-reported");
        assertThat(finding.gap().reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(finding.gap().data()).isEqualTo("the issuer and policy OIDs of the account's certificate");
        assertThat(affinity(finding)).containsEntry("meets", "unknown");
    }

    @Test
    void aBindingWithoutTrustAffinityLevelIsClassifiedByItsField() {
        CertificateUserBinding ski = new CertificateUserBinding("SubjectKeyIdentifier", "certificateUserIds", 1, null);

        Finding finding = evaluate(policy("high", List.of(ski)), SKI);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("bindings").toString())
                .contains("SubjectKeyIdentifier -> certificateUserIds (affinity high)");
    }

    @Test
    void aBindingOfUnknownFieldAndLevelCannotBeTrustedWithHighAffinity() {
        CertificateUserBinding odd = new CertificateUserBinding("SomeFutureField", "certificateUserIds", 1, null);

        Finding finding = evaluate(policy("high", List.of(odd)), PN);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(affinity(finding).get("why")).asString().contains("offer [unknown]");
    }

    @Test
    void aRuleForTheKnownIssuerSetsTheRequiredAffinity() {
        CertificateUserBinding issuerAndSubject = new CertificateUserBinding("IssuerAndSubject",
                "certificateUserIds", 1, "low");
        CertificateAuthenticationRule highForContoso = new CertificateAuthenticationRule("issuerSubject",
                "CN=Contoso Root", MFA, "high");

        Finding finding = evaluate(policy("low", List.of(issuerAndSubject), highForContoso), ISSUER_AND_SUBJECT);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("requiredAffinity")).isEqualTo(List.of("high"));
        assertThat(finding.evidence().get("certificateIssuer").toString()).contains("CN=Contoso Root", "ski");
    }

    @Test
    void aRuleForAnotherIssuerDoesNotApply() {
        CertificateAuthenticationRule highForOther = new CertificateAuthenticationRule("issuerSubject",
                "CN=Fabrikam CA", MFA, "high");
        CertificateUserBinding issuerAndSubject = new CertificateUserBinding("IssuerAndSubject",
                "certificateUserIds", 1, "low");

        Finding finding = evaluate(policy(null, List.of(issuerAndSubject), highForOther), ISSUER_AND_SUBJECT);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("requiredAffinity")).isEqualTo(List.of("low"));
    }

    @Test
    void aRuleThatMayMatchAnUnknownIssuerLeavesALowBindingUnknown() {
        CertificateAuthenticationRule highForContoso = new CertificateAuthenticationRule("issuerSubject",
                "CN=Contoso Root", MFA, "high");

        Finding finding = evaluate(policy("low", List.of(PN_LOW), highForContoso), PN);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.evidence().get("requiredAffinity")).isEqualTo(List.of("low", "high"));
    }

    @Test
    void aPolicyOidRuleDoesNotMatterToAHighBinding() {
        CertificateAuthenticationRule oidHigh = new CertificateAuthenticationRule("policyOID", "1.2.3.4", MFA, "high");

        Finding finding = evaluate(policy("low", List.of(SKI_HIGH), oidHigh), SKI);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void otherProblemsStillFailBeforeAnUnknownAffinity() {
        X509Policy disabled = new X509Policy("disabled", List.of(allUsers()), List.of(), List.of(PN_LOW, SKI_HIGH),
                MFA, List.of(), "high");

        Finding finding = evaluate(disabled, PN, SKI);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("not enabled").doesNotContain("affinity");
    }
}
