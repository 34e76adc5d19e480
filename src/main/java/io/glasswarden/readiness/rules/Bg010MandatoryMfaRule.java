package io.glasswarden.readiness.rules;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.CredentialAssessment;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-010: at least one usable phishing-resistant credential, so the account can pass mandatory MFA. */
public final class Bg010MandatoryMfaRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-010", "Can satisfy mandatory MFA",
            Severity.CRITICAL,
            "Register a FIDO2 security key (or certificate-based authentication) on the account and make sure the "
                    + "FIDO2 policy is enabled, targets the account and permits the key's AAGUID.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mandatory-multifactor-authentication");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        CredentialAssessment assessment = CredentialAssessment.assess(context);
        Evidence evidence = Evidence.of("usableCredentials", assessment.usableCount())
                .put("credentials",
                        assessment.evidence());
        if (assessment.usableCount() >= 1) {
            return RULE.pass("The account has " + assessment.usableCount()
                    + " usable phishing-resistant credential(s) for mandatory MFA.", evidence);
        }
        if (!assessment.complete()) {
            return RULE.unknown(assessment.firstGap().orElseThrow(), "Glasswarden could not check all of the "
                    + "account's credentials and found none usable yet.", evidence);
        }
        return RULE.fail("The account has no usable phishing-resistant credential, so it cannot pass mandatory MFA "
                + "and cannot sign in to admin portals.", evidence);
    }
}
