package io.glasswarden.directory;

import java.time.Instant;

/**
 * A PIM schedule instance of a role for the user: an active one ({@code roleAssignmentScheduleInstances},
 * {@code assignmentType} {@code Assigned} or {@code Activated}) or an eligible one
 * ({@code roleEligibilityScheduleInstances}, {@code assignmentType} null). {@code endDateTime} null = no end date.
 * {@code memberType} is {@code Direct}, {@code Group} or {@code Inherited}.
 */
public record RoleSchedule(String roleTemplateId, String directoryScopeId, String principalId, String memberType,
        String assignmentType, Instant startDateTime, Instant endDateTime) {
}
