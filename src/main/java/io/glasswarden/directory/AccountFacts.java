package io.glasswarden.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything read from the directory about one emergency account. {@code user} holds an empty Optional when the
 * account was looked up successfully and does not exist (BG-001 FAIL); the other facts are then unknown with reason
 * {@code not-found}. {@code groupRolesGap} is null when the roles the account holds through groups were read; else it
 * says why they could not be (e.g. groups with limited information without {@code GroupMember.Read.All}): the role
 * facts then hold the direct roles only, and roles through groups are unknown (rules.md "Real-tenant behaviours").
 */
public record AccountFacts(
        AccountRef ref,
        Fact<Optional<DirectoryUser>> user,
        Fact<SignInActivity> signInActivity,
        Fact<List<AuthenticationMethod>> methods,
        Fact<Set<String>> transitiveGroupIds,
        Fact<List<RoleAssignment>> activeRoleAssignments,
        Fact<List<RoleSchedule>> activeRoleSchedules,
        Fact<List<RoleSchedule>> eligibleRoleSchedules,
        DataGap groupRolesGap) {

    /** Facts whose roles through groups were read (or are unknown as a whole). */
    public AccountFacts(AccountRef ref, Fact<Optional<DirectoryUser>> user, Fact<SignInActivity> signInActivity,
            Fact<List<AuthenticationMethod>> methods, Fact<Set<String>> transitiveGroupIds,
            Fact<List<RoleAssignment>> activeRoleAssignments, Fact<List<RoleSchedule>> activeRoleSchedules,
            Fact<List<RoleSchedule>> eligibleRoleSchedules) {
        this(ref, user, signInActivity, methods, transitiveGroupIds, activeRoleAssignments, activeRoleSchedules,
                eligibleRoleSchedules, null);
    }

    /** The gap behind roles through groups, empty when they were read. */
    public Optional<DataGap> groupRolesUnread() {
        return Optional.ofNullable(groupRolesGap);
    }
}
