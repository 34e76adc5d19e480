package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.ConditionalAccessScope;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.PolicyLockouts;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-021: no report-only policy would lock the account out once switched on. */
public final class Bg021ReportOnlyLockoutRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-021",
            "No report-only policy would lock the account out", Severity.MEDIUM,
            "Exclude the account from the listed report-only policies before anyone switches them on.",
            "https://learn.microsoft.com/en-us/entra/identity/conditional-access/concept-conditional-access-report-only");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<List<ConditionalAccessPolicy>> policies = context.tenant().conditionalAccessPolicies();
        if (!policies.isKnown()) {
            return RULE.unknown(policies.missing().orElseThrow());
        }
        PolicyLockouts lockouts = PolicyLockouts.find(context, policies.value(), ConditionalAccessScope.REPORT_ONLY);
        if (!lockouts.locking().isEmpty()) {
            return RULE.fail(lockouts.locking().size() + " report-only Conditional Access "
                    + (lockouts.locking().size() == 1 ? "policy" : "policies")
                    + " would lock the account out if switched on.", lockouts.evidence());
        }
        if (lockouts.gap() != null) {
            return RULE.unknown(lockouts.gap(), "Glasswarden could not tell whether " + lockouts.undetermined().size()
                    + " report-only policies would lock the account out.", lockouts.evidence());
        }
        return RULE.pass("No report-only Conditional Access policy would lock the account out.",
                lockouts.evidence());
    }
}
