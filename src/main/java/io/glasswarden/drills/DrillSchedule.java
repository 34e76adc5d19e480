package io.glasswarden.drills;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When an account's next drill is due, in UTC calendar days: the day of the cycle's start (the last succeeded drill
 * that was not refuted, else the account's creation) plus {@code drillIntervalDays}. Before that day the drill is
 * UPCOMING, on that day DUE, from the next day on OVERDUE.
 */
public record DrillSchedule(Instant cycleStart, LocalDate dueDate) {

    /** Where an account stands in its drill cycle. */
    public enum Status {
        UPCOMING, DUE, OVERDUE
    }

    public static DrillSchedule of(Instant cycleStart, int drillIntervalDays) {
        return new DrillSchedule(cycleStart, day(cycleStart).plusDays(drillIntervalDays));
    }

    public Status statusOn(LocalDate today) {
        if (today.isBefore(dueDate)) {
            return Status.UPCOMING;
        }
        return today.isEqual(dueDate) ? Status.DUE : Status.OVERDUE;
    }

    /** Days past the due date (0 on or before it). */
    public long daysOverdue(LocalDate today) {
        return Math.max(0, today.toEpochDay() - dueDate.toEpochDay());
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
