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

/** BG-022: every enabled policy that applies to the account can be satisfied in an emergency. */
public final class Bg022NoConditionalAccessLockoutRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-022",
            "No enabled Conditional Access policy locks the account out", Severity.CRITICAL,
            "Exclude the account from the listed policies now, or change their grant so a usable phishing-resistant "
                    + "credential of the account satisfies it.",
            "https://learn.microsoft.com/en-us/entra/identity/conditional-access/concept-conditional-access-grant");

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
        PolicyLockouts lockouts = PolicyLockouts.find(context, policies.value(), ConditionalAccessScope.ENABLED);
        if (!lockouts.locking().isEmpty()) {
            return RULE.fail(lockouts.locking().size() + " enabled Conditional Access "
                    + (lockouts.locking().size() == 1 ? "policy locks" : "policies lock")
                    + " the account out: it cannot sign in in an emergency.", lockouts.evidence());
        }
        if (lockouts.gap() != null) {
            return RULE.unknown(lockouts.gap(), "Glasswarden could not tell whether " + lockouts.undetermined().size()
                    + " enabled policies lock the account out.", lockouts.evidence());
        }
        return RULE.pass("No enabled Conditional Access policy locks the account out.", lockouts.evidence());
    }
}
