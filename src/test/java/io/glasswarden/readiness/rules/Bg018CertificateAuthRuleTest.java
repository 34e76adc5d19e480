package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.cbaPolicy;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.X509Policy;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg018CertificateAuthRuleTest {
    private static final String MFA = "x509CertificateMultiFactor";
    private final Bg018CertificateAuthRule rule = new Bg018CertificateAuthRule();

    private static FactsBuilder cbaAccount() {
        return ready().certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com");
    }

    @Test
    void accountWithoutCertificatesIsNotApplicable() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void readyConfigurationPasses() {
        assertThat(cbaAccount().x509(cbaPolicy("enabled", "certificateUserIds", MFA), ca()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void expectedCertificateAuthMakesItApplicableAndUpnBindingResolves() {
        assertThat(ready().expectsCertificateAuth(true)
                .x509(cbaPolicy("enabled", "userPrincipalName", MFA), ca())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void disabledMethodFails() {
        Finding finding = cbaAccount().x509(cbaPolicy("disabled", "certificateUserIds", MFA), ca()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("not enabled");
    }

    @Test
    void certificateUserIdsBindingWithoutValuesFails() {
        assertThat(ready().expectsCertificateAuth(true)
                .x509(cbaPolicy("enabled", "certificateUserIds", MFA), ca())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void singleFactorOnlyFails() {
        assertThat(cbaAccount().x509(cbaPolicy("enabled", "certificateUserIds", "x509CertificateSingleFactor"), ca())
                .evaluate(rule)
                .message()).contains("single-factor");
    }

    @Test
    void ruleGrantingMultiFactorPasses() {
        X509Policy policy = cbaPolicy("enabled", "certificateUserIds", "x509CertificateSingleFactor",
                new CertificateAuthenticationRule("issuerSubject", "CN=Contoso Root", MFA));
        assertThat(cbaAccount().x509(policy, ca()).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noTrustedAuthorityFails() {
        assertThat(cbaAccount().x509(cbaPolicy("enabled", "certificateUserIds", MFA)).evaluate(rule).message())
                .contains("no trusted certificate authority");
    }

    @Test
    void excludedAccountFails() {
        X509Policy policy = new X509Policy("enabled", List.of(allUsers()), List.of(group("g-x")),
                List.of(new CertificateUserBinding("PrincipalName", "certificateUserIds", 1, "low")), MFA, List.of());
        assertThat(cbaAccount().groups("g-x").x509(policy, ca()).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void unreadableConfigurationIsUnknown() {
        assertThat(cbaAccount().x509Unreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    void unreadableGroupsWithGroupTargetIsUnknown() {
        X509Policy policy = new X509Policy("enabled", List.of(group("g-cba")), List.of(),
                List.of(new CertificateUserBinding("PrincipalName", "certificateUserIds", 1, "low")), MFA, List.of());
        assertThat(cbaAccount().groupsUnreadable(NO_PERMISSION).x509(policy, ca()).evaluate(rule).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }
}
