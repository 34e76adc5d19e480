package io.glasswarden.readiness.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.ConditionalAccessScope;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.Judgement;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-020: no enabled Conditional Access policy applies to the account. */
public final class Bg020ExcludedFromConditionalAccessRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-020",
            "Excluded from every enabled Conditional Access policy", Severity.HIGH,
            "Exclude the account from each listed policy, preferably through one emergency-access exclusion group "
                    + "used by every policy.",
            "https://learn.microsoft.com/en-us/entra/identity/conditional-access/plan-conditional-access");

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
        Scan scan = scan(ConditionalAccessScope.of(context), policies.value());
        Evidence evidence = Evidence.of("policiesChecked", scan.checked())
                .put("applyingPolicies", scan.applying())
                .put("undeterminedPolicies", scan.undetermined());
        if (!scan.applying().isEmpty()) {
            return RULE.fail(scan.applying().size() + " enabled Conditional Access "
                    + (scan.applying().size() == 1 ? "policy applies" : "policies apply")
                    + " to the account; an emergency account should be excluded from all of them.", evidence);
        }
        if (scan.gap() != null) {
            return RULE.unknown(scan.gap(), "Glasswarden could not tell whether " + scan.undetermined().size()
                    + " enabled Conditional Access policies apply to the account.", evidence);
        }
        return RULE.pass("The account is excluded from all " + scan.checked()
                + " enabled Conditional Access policies.", evidence);
    }

    /** The enabled user policies checked, those that apply, those that could not be judged and the first gap. */
    private record Scan(int checked, List<Map<String, Object>> applying, List<Map<String, Object>> undetermined,
            DataGap gap) {
    }

    private static Scan scan(ConditionalAccessScope scope, List<ConditionalAccessPolicy> policies) {
        List<Map<String, Object>> applying = new ArrayList<>();
        List<Map<String, Object>> undetermined = new ArrayList<>();
        DataGap gap = null;
        int checked = 0;
        for (ConditionalAccessPolicy policy : policies) {
            if (!ConditionalAccessScope.ENABLED.equals(policy.state())
                    || !ConditionalAccessScope.targetsUsers(policy)) {
                continue;
            }
            checked++;
            Judgement applies = scope.applies(policy);
            Map<String, Object> entry = Evidence.entry("id", policy.id(), "name", policy.displayName(), "why",
                    applies.why());
            if (applies.isYes()) {
                applying.add(entry);
            } else if (applies.isUnknown()) {
                undetermined.add(entry);
                gap = gap == null ? applies.gap() : gap;
            }
        }
        return new Scan(checked, applying, undetermined, gap);
    }
}
