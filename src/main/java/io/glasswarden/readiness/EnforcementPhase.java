package io.glasswarden.readiness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One phase of Microsoft's mandatory MFA enforcement as it applies to one tenant: the applications it covers (with
 * their application ids where Microsoft publishes one), the date it starts for the tenant ({@code startsOn}: the
 * tenant's own date from {@code settings.mfaEnforcement}, else Microsoft's published date for the tenant's cloud;
 * {@code null} when there is neither, as in the sovereign clouds), and where that date came from ({@code dateSource}
 * {@code tenant} or {@code published}).
 */
public record EnforcementPhase(
        String phase,
        String name,
        String operations,
        List<Application> applications,
        LocalDate startsOn,
        LocalDate publishedStartsOn,
        LocalDate postponableUntil,
        String dateSource) {

    /** The state of a phase on a day (api.md "Enforcement"). */
    public enum State {
        /** Enforcement has started for the tenant. */
        IN_FORCE,
        /** Enforcement starts on {@code startsOn}, after the day asked about. */
        UPCOMING,
        /** No date is known for the tenant's cloud (Microsoft does not enforce there) and the tenant set none. */
        NOT_SCHEDULED
    }

    /** An application that enforces MFA in the phase; {@code appId} is null where Microsoft names none. */
    public record Application(String name, String appId) {
    }

    public EnforcementPhase {
        applications = List.copyOf(applications);
    }

    public State stateOn(LocalDate today) {
        if (startsOn == null) {
            return State.NOT_SCHEDULED;
        }
        return today.isBefore(startsOn) ? State.UPCOMING : State.IN_FORCE;
    }

    /** Days from {@code today} until the phase starts: positive when upcoming, 0 or negative once in force. */
    public Long daysLeft(LocalDate today) {
        return startsOn == null ? null : ChronoUnit.DAYS.between(today, startsOn);
    }

    /** Whether the phase is in force on {@code today} or starts within {@code warningDays} of it. */
    public boolean inForceOrWithin(LocalDate today, int warningDays) {
        State state = stateOn(today);
        return state == State.IN_FORCE || (state == State.UPCOMING && daysLeft(today) <= warningDays);
    }

    /** The distinct application ids of the phase (applications without a published id are left out). */
    public Set<String> appIds() {
        Set<String> ids = new LinkedHashSet<>();
        applications.stream().map(Application::appId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** The application names, comma-separated, for messages. */
    public String applicationNames() {
        return String.join(", ", applications.stream().map(Application::name).toList());
    }
}
