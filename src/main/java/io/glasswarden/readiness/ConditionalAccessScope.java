package io.glasswarden.readiness;

import java.util.List;
import java.util.Set;

import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;

/**
 * Whether a Conditional Access policy applies to an account (rules.md "Conditional Access scope"): included through
 * All, the user id, a transitive group or an active role; excluded likewise; exclusion wins. Policies that target no
 * users ({@code None} only) or workload identities are not considered at all.
 */
public final class ConditionalAccessScope {
    public static final String ENABLED = "enabled";
    public static final String REPORT_ONLY = "enabledForReportingButNotEnforced";
    private static final String GUESTS = "GuestsOrExternalUsers";

    private final String userId;
    private final boolean member;
    private final Fact<Set<String>> groups;
    private final Fact<Set<String>> roles;
    private final DataGap groupRolesGap;

    public ConditionalAccessScope(String userId, boolean member, Fact<Set<String>> groups, Fact<Set<String>> roles) {
        this(userId, member, groups, roles, null);
    }

    /**
     * {@code groupRolesGap} (nullable) says why roles held through groups are unknown: {@code roles} then holds the
     * direct roles only, and a role condition they do not meet is unknown rather than unmet.
     */
    public ConditionalAccessScope(String userId, boolean member, Fact<Set<String>> groups, Fact<Set<String>> roles,
            DataGap groupRolesGap) {
        this.userId = userId;
        this.member = member;
        this.groups = groups;
        this.roles = roles;
        this.groupRolesGap = groupRolesGap;
    }

    public static ConditionalAccessScope of(AccountContext context) {
        boolean member = context.user().asOptional().map(u -> "Member".equals(u.userType())).orElse(true);
        return new ConditionalAccessScope(context.userId(), member, context.account().transitiveGroupIds(),
                context.activeRoleTemplateIds(), context.account().groupRolesGap());
    }

    /** False for policies that target nobody ({@code None} only) or workload identities. */
    public static boolean targetsUsers(ConditionalAccessPolicy policy) {
        if (!PolicyTargeting.nullSafe(policy.includeServicePrincipals()).isEmpty()) {
            return false;
        }
        List<String> users = PolicyTargeting.nullSafe(policy.includeUsers());
        boolean noneOnly = users.stream().allMatch("None"::equalsIgnoreCase)
                && PolicyTargeting.nullSafe(policy.includeGroups()).isEmpty()
                && PolicyTargeting.nullSafe(policy.includeRoles()).isEmpty();
        return !noneOnly;
    }

    /** Yes when the policy applies to the account; the reason names what included or excluded it. */
    public Judgement applies(ConditionalAccessPolicy policy) {
        Judgement excluded = Judgement.anyOf(List.of(users(policy.excludeUsers(), false),
                memberOf(policy.excludeGroups(), groups, "group"), roles(policy.excludeRoles())),
                "not excluded");
        if (excluded.isYes()) {
            return Judgement.no("excluded via " + excluded.why());
        }
        Judgement included = Judgement.anyOf(List.of(users(policy.includeUsers(), true),
                memberOf(policy.includeGroups(), groups, "group"), roles(policy.includeRoles())),
                "the account is not in the policy's users, groups or roles");
        if (included.isNo()) {
            return included;
        }
        if (excluded.isUnknown()) {
            return excluded;
        }
        return included.isYes() ? Judgement.yes("included via " + included.why() + " and not excluded") : included;
    }

    private Judgement users(List<String> values, boolean include) {
        for (String value : PolicyTargeting.nullSafe(values)) {
            if (include && "All".equalsIgnoreCase(value)) {
                return Judgement.yes("All users");
            }
            if (value.equalsIgnoreCase(userId)) {
                return Judgement.yes("the account itself (" + value + ")");
            }
            if (GUESTS.equalsIgnoreCase(value) && !member) {
                return Judgement.yes(GUESTS + " (the account is not a member)");
            }
        }
        return Judgement.no("user list does not name the account");
    }

    /** The role condition: met by a role read, else unknown while roles through groups are unread. */
    private Judgement roles(List<String> ids) {
        Judgement direct = memberOf(ids, roles, "role");
        if (direct.isNo() && groupRolesGap != null && !PolicyTargeting.nullSafe(ids).isEmpty()) {
            return Judgement.unknown(groupRolesGap, "the account holds none of the listed roles directly, and roles "
                    + "it may hold through groups are unreadable");
        }
        return direct;
    }

    private static Judgement memberOf(List<String> ids, Fact<Set<String>> held, String what) {
        List<String> wanted = PolicyTargeting.nullSafe(ids);
        if (wanted.isEmpty()) {
            return Judgement.no("no " + what + "s listed");
        }
        if (!held.isKnown()) {
            return Judgement.unknown(held.missing().orElseThrow(), "the account's " + what + "s are unreadable");
        }
        return wanted.stream()
                .filter(id -> held.value().stream().anyMatch(id::equalsIgnoreCase))
                .findFirst()
                .map(id -> Judgement.yes(what + " " + id))
                .orElse(Judgement.no("in none of the listed " + what + "s"));
    }
}
