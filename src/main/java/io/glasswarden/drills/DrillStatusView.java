package io.glasswarden.drills;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where an account stands in its drill cycle: {@code cycleStart} is the last succeeded, unrefuted drill (or the
 * account's creation), {@code dueDate} the UTC day the next drill is due.
 */
public record DrillStatusView(
        String tenantId,
        UUID accountId,
        String userPrincipalName,
        String displayName,
        DrillSchedule.Status status,
        LocalDate dueDate,
        Instant cycleStart,
        long daysOverdue) {
}
