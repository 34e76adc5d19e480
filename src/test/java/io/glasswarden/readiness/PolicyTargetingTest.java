package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.Fact;

class PolicyTargetingTest {
    private static final Fact<Set<String>> NESTED = Fact.known(Set.of("g-parent", "g-child"));

    @Test
    void allUsersIncludesEveryone() {
        assertThat(PolicyTargeting.targeted(List.of(allUsers()), List.of(), USER_ID, NESTED).isYes()).isTrue();
    }

    @Test
    void userIdIncludesCaseInsensitively() {
        assertThat(PolicyTargeting.targeted(List.of(user(USER_ID.toUpperCase())), List.of(), USER_ID, NESTED)
                .isYes()).isTrue();
    }

    @Test
    void transitiveGroupIncludes() {
        assertThat(PolicyTargeting.targeted(List.of(group("g-parent")), List.of(), USER_ID, NESTED).isYes()).isTrue();
    }

    @Test
    void nestedGroupExclusionWinsOverAllUsers() {
        Judgement targeted = PolicyTargeting.targeted(List.of(allUsers()), List.of(group("g-child")), USER_ID,
                NESTED);

        assertThat(targeted.isNo()).isTrue();
        assertThat(targeted.why()).contains("excluded via group g-child");
    }

    @Test
    void userExclusionWins() {
        assertThat(PolicyTargeting.targeted(List.of(allUsers()), List.of(user(USER_ID)), USER_ID, NESTED).isNo())
                .isTrue();
    }

    @Test
    void otherGroupDoesNotInclude() {
        assertThat(PolicyTargeting.targeted(List.of(group("g-other")), List.of(), USER_ID, NESTED).isNo()).isTrue();
    }

    @Test
    void unreadableGroupsLeaveAGroupTargetUnknown() {
        Judgement targeted = PolicyTargeting.targeted(List.of(group("g")), List.of(), USER_ID,
                Fact.unknown(NO_PERMISSION));

        assertThat(targeted.isUnknown()).isTrue();
        assertThat(targeted.gap()).isEqualTo(NO_PERMISSION);
    }

    @Test
    void unreadableGroupsLeaveAGroupExclusionUnknownEvenWithAllUsers() {
        assertThat(PolicyTargeting.targeted(List.of(allUsers()), List.of(group("g")), USER_ID,
                Fact.unknown(NO_PERMISSION)).isUnknown()).isTrue();
    }

    @Test
    void unreadableGroupsDoNotMatterForUserTargets() {
        assertThat(PolicyTargeting.targeted(List.of(user(USER_ID)), List.of(), USER_ID, Fact.unknown(NO_PERMISSION))
                .isYes()).isTrue();
    }
}
