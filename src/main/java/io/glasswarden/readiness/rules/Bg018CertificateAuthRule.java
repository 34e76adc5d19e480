package io.glasswarden.readiness.rules;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.CertificateAuthCheck;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-018: certificate-based authentication would let the account sign in with multi-factor strength. */
public final class Bg018CertificateAuthRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-018", "Certificate-based authentication is ready",
            Severity.HIGH,
            "Enable certificate-based authentication for the account, add a username binding it can resolve, make "
                    + "its certificates count as multi-factor and upload the issuing certificate authority.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-certificate-based-authentication");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        CertificateAuthCheck.Assessment cba = CertificateAuthCheck.assess(context);
        return switch (cba.result()) {
            case NOT_APPLICABLE -> RULE.notApplicable("The account does not use certificate-based authentication.",
                    cba.evidence());
            case UNKNOWN -> RULE.unknown(cba.gap(), RuleDescriptor.unreadableMessage(cba.gap()), cba.evidence());
            case FAIL -> RULE.fail("Certificate-based authentication would not work for the account: "
                    + String.join("; ", cba.problems()) + ".", cba.evidence());
            case PASS -> RULE.pass("Certificate-based authentication is ready for the account.", cba.evidence());
        };
    }
}
