package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.GLOBAL_ADMIN;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.Fact;

class ConditionalAccessScopeTest {
    private final ConditionalAccessScope member = new ConditionalAccessScope(USER_ID, true,
            Fact.known(Set.of("g-parent", "g-child")), Fact.known(Set.of(GLOBAL_ADMIN)));

    @Test
    void allUsersApplies() {
        assertThat(member.applies(ca("p").build()).isYes()).isTrue();
    }

    @Test
    void nestedGroupIncludeApplies() {
        assertThat(member.applies(ca("p").includeUsers().includeGroups("g-child").build()).isYes()).isTrue();
    }

    @Test
    void nestedGroupExclusionWins() {
        Judgement applies = member.applies(ca("p").includeUsers("All").excludeGroups("g-child").build());

        assertThat(applies.isNo()).isTrue();
        assertThat(applies.why()).contains("excluded via group g-child");
    }

    @Test
    void activeRoleIncludeApplies() {
        assertThat(member.applies(ca("p").includeUsers().includeRoles(GLOBAL_ADMIN).build()).isYes()).isTrue();
    }

    @Test
    void userIdExclusionWins() {
        assertThat(member.applies(ca("p").excludeUsers(USER_ID).build()).isNo()).isTrue();
    }

    @Test
    void guestsOrExternalUsersNeverMatchAMemberButMatchAGuest() {
        ConditionalAccessScope guest = new ConditionalAccessScope(USER_ID, false, Fact.known(Set.of()),
                Fact.known(Set.of()));
        var policy = ca("p").includeUsers("GuestsOrExternalUsers").build();

        assertThat(member.applies(policy).isNo()).isTrue();
        assertThat(guest.applies(policy).isYes()).isTrue();
    }

    @Test
    void unreadableRolesLeaveARolePolicyUnknown() {
        ConditionalAccessScope scope = new ConditionalAccessScope(USER_ID, true, Fact.known(Set.of()),
                Fact.unknown(NO_PERMISSION));
        assertThat(scope.applies(ca("p").includeUsers().includeRoles(GLOBAL_ADMIN).build()).isUnknown()).isTrue();
    }

    @Test
    void exclusionByUserIdIsCertainEvenWhenGroupsAreUnreadable() {
        ConditionalAccessScope scope = new ConditionalAccessScope(USER_ID, true, Fact.unknown(NO_PERMISSION),
                Fact.known(Set.of()));
        assertThat(scope.applies(ca("p").excludeUsers(USER_ID).excludeGroups("g").build()).isNo()).isTrue();
    }

    @Test
    void aRoleNotHeldDirectlyIsUnknownWhileRolesThroughGroupsAreUnread() {
        ConditionalAccessScope limited = new ConditionalAccessScope(USER_ID, true, Fact.known(Set.of("g-plain")),
                Fact.known(Set.of()), FactsBuilder.LIMITED_GROUPS);

        Judgement applies = limited.applies(ca("p").includeUsers().includeRoles(GLOBAL_ADMIN).build());

        assertThat(applies.isUnknown()).isTrue();
        assertThat(applies.gap().permission()).isEqualTo("GroupMember.Read.All");
        assertThat(applies.why()).contains("through groups are unreadable");
    }

    @Test
    void directRoleAndGroupExclusionStillSettleWhileRolesThroughGroupsAreUnread() {
        ConditionalAccessScope limited = new ConditionalAccessScope(USER_ID, true, Fact.known(Set.of("g-bg")),
                Fact.known(Set.of(GLOBAL_ADMIN)), FactsBuilder.LIMITED_GROUPS);

        assertThat(limited.applies(ca("p").includeUsers().includeRoles(GLOBAL_ADMIN).build()).isYes()).isTrue();
        assertThat(limited.applies(ca("p").includeRoles("other-role").excludeGroups("g-bg").build()).isNo())
                .isTrue();
        // no role listed: nothing to be unknown about
        assertThat(limited.applies(ca("p").build()).isYes()).isTrue();
        // an unread role exclusion leaves an otherwise applying policy unknown, never "not applicable"
        assertThat(limited.applies(ca("p").excludeRoles("other-role").build()).isUnknown()).isTrue();
    }

    @Test
    void noneOnlyAndWorkloadIdentityPoliciesDoNotTargetUsers() {
        assertThat(ConditionalAccessScope.targetsUsers(ca("p").includeUsers("None").build())).isFalse();
        assertThat(ConditionalAccessScope.targetsUsers(ca("p").workloadIdentities("sp").build())).isFalse();
        assertThat(ConditionalAccessScope.targetsUsers(ca("p").includeUsers("None").includeGroups("g").build()))
                .isTrue();
    }
}
