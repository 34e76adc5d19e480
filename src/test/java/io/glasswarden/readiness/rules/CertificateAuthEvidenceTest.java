package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.cbaPolicy;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

/** BG-018 evidence and its unread-user branch: the facts a PASS or FAIL rests on are shown, and none is invented. */
class CertificateAuthEvidenceTest {
    private final Bg018CertificateAuthRule rule = new Bg018CertificateAuthRule();

    @Test
    void anUnreadableUserIsUnknownWithItsGap() {
        Finding finding = ready().userUnreadable(THROTTLED).expectsCertificateAuth(true).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.gap()).isEqualTo(THROTTLED);
    }

    @Test
    void theEvidenceShowsTheBindingsAndTheTrustedAuthorities() {
        Finding finding = ready().certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com")
                .x509(cbaPolicy("enabled", "certificateUserIds", "x509CertificateMultiFactor"), FactsBuilder.ca())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("bindings").toString()).contains("PrincipalName -> certificateUserIds");
        assertThat(finding.evidence().get("trustedCertificateAuthorities").toString()).contains("CN=Contoso Root");
    }
}
