package io.glasswarden.readiness.rules;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.CredentialAssessment;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-011: enough usable credentials that losing one key does not lose the account. */
public final class Bg011RedundantCredentialsRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-011", "Redundant credentials", Severity.HIGH,
            "Register another FIDO2 key (ideally kept in a different place) until the account has at least the "
                    + "configured number of usable credentials.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        CredentialAssessment assessment = CredentialAssessment.assess(context);
        int needed = context.settings().minUsableCredentials();
        int usable = assessment.usableCount();
        Evidence evidence = Evidence.of("usableCredentials", usable)
                .put("minUsableCredentials", needed)
                .put(
                        "usable", assessment.usable().stream().map(c -> c.id()).toList());
        if (usable >= needed) {
            return RULE.pass("The account has " + usable + " usable credentials (at least " + needed + ").",
                    evidence);
        }
        if (!assessment.complete()) {
            return RULE.unknown(assessment.firstGap().orElseThrow(), "Glasswarden could not check all of the "
                    + "account's credentials and found only " + usable + " of " + needed + " usable so far.",
                    evidence);
        }
        return RULE.fail("The account has " + usable + " usable credential(s) but needs " + needed
                + ": losing one key could lock it out.", evidence);
    }
}
