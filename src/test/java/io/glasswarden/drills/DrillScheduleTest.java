package io.glasswarden.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DrillScheduleTest {

    // Late in the UTC day: the due day is counted in UTC calendar days, not in 24-hour periods.
    private final DrillSchedule schedule = DrillSchedule.of(Instant.parse("2026-01-31T23:30:00Z"), 90);

    @Test
    void dueDayIsTheCycleStartsUtcDayPlusTheInterval() {
        assertThat(schedule.dueDate()).isEqualTo(LocalDate.parse("2026-05-01"));
    }

    @Test
    void drillIsUpcomingBeforeTheDueDay() {
        assertThat(schedule.statusOn(LocalDate.parse("2026-04-30"))).isEqualTo(DrillSchedule.Status.UPCOMING);
        assertThat(schedule.daysOverdue(LocalDate.parse("2026-04-30"))).isZero();
    }

    @Test
    void drillIsDueOnTheDueDay() {
        assertThat(schedule.statusOn(LocalDate.parse("2026-05-01"))).isEqualTo(DrillSchedule.Status.DUE);
        assertThat(schedule.daysOverdue(LocalDate.parse("2026-05-01"))).isZero();
    }

    @Test
    void drillIsOverdueFromTheNextDayAndCountsTheDays() {
        assertThat(schedule.statusOn(LocalDate.parse("2026-05-02"))).isEqualTo(DrillSchedule.Status.OVERDUE);
        assertThat(schedule.daysOverdue(LocalDate.parse("2026-05-04"))).isEqualTo(3);
    }
}
