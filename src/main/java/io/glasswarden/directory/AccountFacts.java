package io.glasswarden.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything read from the directory about one emergency account. {@code user} holds an empty Optional when the
 * account was looked up successfully and does not exist (BG-001 FAIL); the other facts are then unknown with reason
 * {@code not-found}.
 */
public record AccountFacts(
        AccountRef ref,
        Fact<Optional<DirectoryUser>> user,
        Fact<SignInActivity> signInActivity,
        Fact<List<AuthenticationMethod>> methods,
        Fact<Set<String>> transitiveGroupIds,
        Fact<List<RoleAssignment>> activeRoleAssignments,
        Fact<List<RoleSchedule>> activeRoleSchedules,
        Fact<List<RoleSchedule>> eligibleRoleSchedules) {
}
