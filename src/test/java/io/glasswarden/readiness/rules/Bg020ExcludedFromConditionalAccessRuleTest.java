package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.GLOBAL_ADMIN;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg020ExcludedFromConditionalAccessRuleTest {
    private final Bg020ExcludedFromConditionalAccessRule rule = new Bg020ExcludedFromConditionalAccessRule();

    @Test
    void noPolicyPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void enabledPolicyForAllUsersFailsAndIsListed() {
        Finding finding = ready().policies(ca("p1").build()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("applyingPolicies").toString()).contains("p1", "Policy p1", "All users");
    }

    @Test
    void exclusionThroughTransitiveGroupPasses() {
        assertThat(ready().groups("g-bg").policies(ca("p1").excludeGroups("g-bg").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void exclusionByUserIdPasses() {
        assertThat(ready().policies(ca("p1").excludeUsers(USER_ID).build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void roleInclusionFromActiveAssignmentFails() {
        assertThat(ready().policies(ca("p1").includeUsers().includeRoles(GLOBAL_ADMIN).build())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void aRolePolicyIsUnknownNotPassedWhenRolesThroughGroupsAreUnread() {
        // the account holds no role directly; it may hold Global Administrator through a role-assignable group
        Finding finding = ready().roles()
                .groups("g-plain")
                .groupRolesUnread()
                .policies(ca("p1").includeUsers().includeRoles(GLOBAL_ADMIN).build())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
        assertThat(finding.gap().permission()).isEqualTo("GroupMember.Read.All");
        assertThat(finding.evidence().get("undeterminedPolicies").toString()).contains("p1", "through groups");
    }

    @Test
    void aGroupExclusionSettlesARolePolicyWhenRolesThroughGroupsAreUnread() {
        Finding finding = ready().roles()
                .groups("g-bg")
                .groupRolesUnread()
                .policies(ca("p1").includeUsers().includeRoles(GLOBAL_ADMIN).excludeGroups("g-bg").build())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void roleExclusionWins() {
        assertThat(ready().policies(ca("p1").excludeRoles(GLOBAL_ADMIN).build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void reportOnlyAndDisabledPoliciesAreIgnored() {
        assertThat(ready().policies(ca("r").state("enabledForReportingButNotEnforced").build(),
                ca("d").state("disabled").build()).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noneOnlyAndWorkloadIdentityPoliciesAreSkipped() {
        Finding finding = ready().policies(ca("none").includeUsers("None").build(),
                ca("wl").workloadIdentities("sp-1").build()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 0);
    }

    @Test
    void guestsOrExternalUsersNeverMatchAMember() {
        assertThat(ready().policies(ca("g").includeUsers("GuestsOrExternalUsers").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableGroupsMakeAGroupPolicyUnknown() {
        Finding finding = ready().groupsUnreadable(NO_PERMISSION)
                .policies(ca("p1").includeUsers().includeGroups("g-admins").build())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
    }

    @Test
    void unreadablePoliciesAreUnknown() {
        assertThat(ready().policiesUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
