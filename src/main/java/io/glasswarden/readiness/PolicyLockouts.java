package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DataGap;

/**
 * The Conditional Access policies of one state ({@code enabled} or report-only) that apply to the account and whose
 * grant cannot be satisfied in an emergency (BG-021, BG-022). {@code undetermined} lists policies that could not be
 * judged for lack of data, {@code gap} the first such gap.
 */
public record PolicyLockouts(int checked, List<Map<String, Object>> locking, List<Map<String, Object>> undetermined,
        DataGap gap) {

    /** Policies of {@code state} that lock the account out; the caller has checked that policies are readable. */
    public static PolicyLockouts find(AccountContext context, List<ConditionalAccessPolicy> policies, String state) {
        ConditionalAccessScope scope = ConditionalAccessScope.of(context);
        LockoutCheck lockout = new LockoutCheck(CredentialAssessment.assess(context),
                context.tenant().authenticationStrengths());
        List<Map<String, Object>> locking = new ArrayList<>();
        List<Map<String, Object>> undetermined = new ArrayList<>();
        DataGap gap = null;
        int checked = 0;
        for (ConditionalAccessPolicy policy : policies) {
            if (!state.equals(policy.state()) || !ConditionalAccessScope.targetsUsers(policy)) {
                continue;
            }
            checked++;
            Judgement applies = scope.applies(policy);
            Judgement satisfiable = applies.isNo()
                    ? Judgement.yes("does not apply")
                    : lockout.satisfiable(policy.grant());
            if (applies.isYes() && satisfiable.isNo()) {
                locking.add(Evidence.entry("id", policy.id(), "name", policy.displayName(), "why",
                        "it applies (" + applies.why() + ") and " + satisfiable.why()));
            } else if (!applies.isNo() && !satisfiable.isYes()) {
                Judgement unknown = applies.isUnknown() ? applies : satisfiable;
                gap = gap == null ? unknown.gap() : gap;
                undetermined.add(Evidence.entry("id", policy.id(), "name", policy.displayName(), "why",
                        unknown.why()));
            }
        }
        return new PolicyLockouts(checked, List.copyOf(locking), List.copyOf(undetermined), gap);
    }

    public Evidence evidence() {
        return Evidence.of("policiesChecked", checked)
                .put("lockingPolicies", locking)
                .put("undeterminedPolicies",
                        undetermined);
    }
}
