package io.glasswarden.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.tenants.MfaEnforcement;

/**
 * The bundled timeline and how a tenant's own dates apply. Dates and application ids: Microsoft Learn, "Planning for
 * mandatory Microsoft Entra multifactor authentication" (see src/main/resources/enforcement/mfa-enforcement.json).
 */
class EnforcementTimelineTest {
    private final EnforcementTimeline timeline = EnforcementTimeline.bundled();

    @Test
    void globalCloudHasMicrosoftsPublishedPhasesWithTheirApplicationIds() {
        List<EnforcementPhase> phases = timeline.phases("global", null);

        assertThat(phases).extracting(EnforcementPhase::phase).containsExactly("phase1", "phase2");
        assertThat(phases.get(0).startsOn()).isEqualTo(LocalDate.parse("2024-10-15"));
        assertThat(phases.get(0).appIds()).containsExactly("c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
        assertThat(phases.get(1).startsOn()).isEqualTo(LocalDate.parse("2025-10-01"));
        assertThat(phases.get(1).postponableUntil()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(phases.get(1).appIds()).containsExactly("04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                "1950a258-227b-4e31-a9cf-717495945fc2", "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa");
        assertThat(phases).extracting(EnforcementPhase::dateSource).containsOnly("published");
        assertThat(timeline.sources()).containsKey("planning");
    }

    @Test
    void sovereignCloudsHaveNoPublishedDates() {
        // Planning page FAQ: Microsoft enforces mandatory MFA only in the public Azure cloud
        for (String cloud : List.of("usgov", "usgovdod", "china")) {
            assertThat(timeline.phases(cloud, null)).allSatisfy(p -> {
                assertThat(p.startsOn()).isNull();
                assertThat(p.stateOn(LocalDate.parse("2026-12-01"))).isEqualTo(EnforcementPhase.State.NOT_SCHEDULED);
            });
        }
    }

    @Test
    void aTenantsOwnDateReplacesThePublishedOne() {
        List<EnforcementPhase> phases = timeline.phases("global",
                new MfaEnforcement(null, LocalDate.parse("2026-07-01")));

        assertThat(phases.get(1).startsOn()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(phases.get(1).publishedStartsOn()).isEqualTo(LocalDate.parse("2025-10-01"));
        assertThat(phases.get(1).dateSource()).isEqualTo("tenant");
        assertThat(phases.get(0).dateSource()).isEqualTo("published");
    }

    @Test
    void postponingPhaseOnePostponesPhaseTwoToTheSameDate() {
        List<EnforcementPhase> phases = timeline.phases("global",
                new MfaEnforcement(LocalDate.parse("2025-12-01"), null));

        assertThat(phases.get(1).startsOn()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(phases.get(1).dateSource()).isEqualTo("tenant");
    }

    @Test
    void statesAroundTheStartDate() {
        EnforcementPhase phase = timeline.phases("global", new MfaEnforcement(null, LocalDate.parse("2027-01-10")))
                .get(1);

        assertThat(phase.stateOn(LocalDate.parse("2027-01-09"))).isEqualTo(EnforcementPhase.State.UPCOMING);
        assertThat(phase.daysLeft(LocalDate.parse("2027-01-09"))).isEqualTo(1L);
        assertThat(phase.stateOn(LocalDate.parse("2027-01-10"))).isEqualTo(EnforcementPhase.State.IN_FORCE);
        assertThat(phase.inForceOrWithin(LocalDate.parse("2026-12-11"), 30)).isTrue();
        assertThat(phase.inForceOrWithin(LocalDate.parse("2026-12-10"), 30)).isFalse();
    }
}
