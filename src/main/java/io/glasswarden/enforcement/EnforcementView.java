package io.glasswarden.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasswarden.readiness.EnforcementPhase;

/**
 * A tenant's mandatory MFA timeline (api.md "Enforcement"): each phase with its applications, the date that applies
 * to the tenant and where it came from, its {@code state} ({@code IN_FORCE}, {@code UPCOMING} with {@code daysLeft},
 * or {@code NOT_SCHEDULED} where Microsoft publishes no date for the cloud and the tenant set none), each active
 * account's {@code mandatoryMfaReady} from its latest readiness (null before its first evaluation), and BG-T05 as the
 * latest evaluation judged it.
 */
public record EnforcementView(
        String tenantId,
        String cloud,
        LocalDate today,
        int enforcementWarningDays,
        int minReadyAccounts,
        List<Phase> phases,
        List<AccountState> accounts,
        int mandatoryMfaReadyAccounts,
        Instant evaluatedAt,
        Map<String, Object> finding,
        Map<String, String> sources) {

    /** One phase as it applies to the tenant today. */
    public record Phase(String phase, String name, String operations, List<EnforcementPhase.Application> applications,
            LocalDate startsOn, LocalDate publishedStartsOn, LocalDate postponableUntil, String dateSource,
            EnforcementPhase.State state, Long daysLeft) {

        static Phase of(EnforcementPhase p, LocalDate today) {
            EnforcementPhase.State state = p.stateOn(today);
            return new Phase(p.phase(), p.name(), p.operations(), p.applications(), p.startsOn(),
                    p.publishedStartsOn(), p.postponableUntil(), p.dateSource(), state,
                    state == EnforcementPhase.State.UPCOMING ? p.daysLeft(today) : null);
        }
    }

    /** An active account and whether its latest readiness says it can satisfy mandatory MFA. */
    public record AccountState(UUID accountId, String userPrincipalName, String objectId, String displayName,
            String status, Boolean mandatoryMfaReady, Instant evaluatedAt) {
    }
}
