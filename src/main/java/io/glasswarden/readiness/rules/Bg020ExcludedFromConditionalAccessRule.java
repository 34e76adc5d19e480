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
        ConditionalAccessScope scope = ConditionalAccessScope.of(context);
        List<Map<String, Object>> applying = new ArrayList<>();
        List<Map<String, Object>> undetermined = new ArrayList<>();
        DataGap gap = null;
        int checked = 0;
        for (ConditionalAccessPolicy policy : policies.value()) {
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
        Evidence evidence = Evidence.of("policiesChecked", checked)
                .put("applyingPolicies", applying)
                .put("undeterminedPolicies", undetermined);
        if (!applying.isEmpty()) {
            return RULE.fail(applying.size() + " enabled Conditional Access "
                    + (applying.size() == 1 ? "policy applies" : "policies apply")
                    + " to the account; an emergency account should be excluded from all of them.", evidence);
        }
        if (gap != null) {
            return RULE.unknown(gap, "Glasswarden could not tell whether " + undetermined.size()
                    + " enabled Conditional Access policies apply to the account.", evidence);
        }
        return RULE.pass("The account is excluded from all " + checked + " enabled Conditional Access policies.",
                evidence);
    }
}
