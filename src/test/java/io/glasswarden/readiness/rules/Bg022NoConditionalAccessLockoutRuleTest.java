package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.PHISHING_RESISTANT;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg022NoConditionalAccessLockoutRuleTest {
    private final Bg022NoConditionalAccessLockoutRule rule = new Bg022NoConditionalAccessLockoutRule();

    @Test
    void mfaPolicyPassesWithUsableKeys() {
        assertThat(ready().policies(ca("p").build()).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void blockPolicyFailsWithReason() {
        Finding finding = ready().policies(ca("p").grant("OR", "block", "mfa").build()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("locks the account out");
        assertThat(finding.evidence().get("lockingPolicies").toString()).contains("p", "blocks access");
    }

    @Test
    void mfaPolicyFailsWithoutUsableCredential() {
        assertThat(ready().methods(method("ph", MethodKind.PHONE)).policies(ca("p").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void phishingResistantStrengthPassesWithKeys() {
        assertThat(ready().policies(ca("p").strength("OR", PHISHING_RESISTANT).build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void excludedBlockPolicyPasses() {
        assertThat(ready().groups("g-bg")
                .policies(ca("p").grant("OR", "block").excludeGroups("g-bg").build())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void reportOnlyBlockPolicyIsIgnored() {
        assertThat(ready().policies(ca("p").state("enabledForReportingButNotEnforced").grant("OR", "block").build())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableStrengthsAreUnknown() {
        Finding finding = ready().strengthsUnreadable(NO_PERMISSION)
                .policies(ca("p").strength("OR", PHISHING_RESISTANT).build())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.evidence().get("undeterminedPolicies").toString()).contains("p");
    }

    @Test
    void aStrengthRestrictingCertificateIssuersIsUnknownForACertificateOfUnknownIssuer() {
        AuthenticationStrength pkiOnly = new AuthenticationStrength("s-pki", "Our PKI only",
                List.of("x509CertificateMultiFactor"), List.of(), List.of("A1B2C3"), List.of());
        FactsBuilder facts = ready().methods()
                .certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com")
                .x509(FactsBuilder.cbaPolicy("enabled", "certificateUserIds", "x509CertificateMultiFactor"),
                        FactsBuilder.ca())
                .strengths(pkiOnly)
                .policies(ca("p").strength("OR", "s-pki").build());

        Finding finding = facts.evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("not-reported");
        assertThat(finding.evidence().get("undeterminedPolicies").toString()).contains("p",
                "the issuer of the account's certificate is not known");
        // the same account whose certificateUserIds name the trusted issuer with that SKI passes
        FactsBuilder known = facts.certificateUserIds("X509:<I>CN=Contoso Root<S>CN=bg-01")
                .x509(FactsBuilder.cbaPolicy("enabled", "certificateUserIds", "x509CertificateMultiFactor"),
                        new TrustedCertificateAuthority("CN=Contoso Root", "a1b2c3", true, FactsBuilder.NOW));
        assertThat(known.evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadablePoliciesAreUnknown() {
        assertThat(ready().policiesUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
