package io.glasswarden.readiness;

import java.util.List;
import java.util.Set;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.PolicyTarget;

/**
 * Whether an authentication method policy (FIDO2, X.509) targets an account: included through {@code all_users}, the
 * user's id or a transitive group, and not excluded through the user's id or a transitive group. Exclusion wins.
 */
public final class PolicyTargeting {

    private PolicyTargeting() {
    }

    /** Whether one target names the account; {@code all_users} counts only when {@code allUsersCounts}. */
    public static Judgement matches(PolicyTarget target, String userId, Fact<Set<String>> groups,
            boolean allUsersCounts) {
        if (PolicyTarget.ALL_USERS.equalsIgnoreCase(target.id())) {
            return allUsersCounts ? Judgement.yes("all users") : Judgement.no("all users is not an exclusion");
        }
        if (target.id() != null && target.id().equalsIgnoreCase(userId)) {
            return Judgement.yes("the account itself (" + target.id() + ")");
        }
        if (!groups.isKnown()) {
            return Judgement.unknown(groups.missing().orElseThrow(),
                    "group membership is unreadable, so group " + target.id() + " cannot be checked");
        }
        return groups.value().stream().anyMatch(g -> g.equalsIgnoreCase(target.id()))
                ? Judgement.yes("group " + target.id() + " (the account is a transitive member)")
                : Judgement.no("target " + target.id() + " does not contain the account");
    }

    public static Judgement included(List<PolicyTarget> includeTargets, String userId, Fact<Set<String>> groups) {
        List<Judgement> each = nullSafe(includeTargets).stream().map(t -> matches(t, userId, groups, true)).toList();
        Judgement any = Judgement.anyOf(each, "no include target contains the account");
        return any.isYes() ? Judgement.yes("included via " + any.why()) : any;
    }

    public static Judgement excluded(List<PolicyTarget> excludeTargets, String userId, Fact<Set<String>> groups) {
        List<Judgement> each = nullSafe(excludeTargets).stream()
                .map(t -> matches(t, userId, groups, false))
                .toList();
        Judgement any = Judgement.anyOf(each, "no exclude target contains the account");
        return any.isYes() ? Judgement.yes("excluded via " + any.why()) : any;
    }

    /** Yes when included and not excluded; the reason says which target decided. */
    public static Judgement targeted(List<PolicyTarget> includeTargets, List<PolicyTarget> excludeTargets,
            String userId, Fact<Set<String>> groups) {
        Judgement excluded = excluded(excludeTargets, userId, groups);
        if (excluded.isYes()) {
            return Judgement.no(excluded.why());
        }
        Judgement included = included(includeTargets, userId, groups);
        if (included.isNo()) {
            return included;
        }
        if (excluded.isUnknown()) {
            return excluded;
        }
        return included;
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
