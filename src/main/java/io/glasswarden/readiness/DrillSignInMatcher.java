package io.glasswarden.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;

/**
 * Matches drills to sign-in logs (api.md "Drills"): a drill is verified by a successful interactive sign-in of the
 * account within ±2 hours of {@code performedAt}, refuted when readable logs show none once the 1-hour log-latency
 * window has passed, unverifiable when the logs cannot be read for lack of a licence or permission.
 */
public final class DrillSignInMatcher {
    public static final Duration MATCH_WINDOW = Duration.ofHours(2);
    public static final Duration LOG_LATENCY = Duration.ofHours(1);

    private DrillSignInMatcher() {
    }

    /** Why a drill is UNVERIFIABLE when its window lies before the oldest sign-in the logs still hold. */
    public static final String LOGS_EXPIRED = "logs-expired";

    /**
     * A drill's verification after trying to settle it; {@code signInId} is set when verified by a sign-in,
     * {@code reason} when UNVERIFIABLE ({@value #LOGS_EXPIRED}, {@code license-required}, {@code permission-denied}).
     */
    public record Settlement(DrillVerification verification, String signInId, String reason) {
        public Settlement(DrillVerification verification, String signInId) {
            this(verification, signInId, null);
        }
    }

    /** True when the sign-in happened within ±2 hours of the drill. */
    public static boolean withinWindow(Drill drill, SignIn signIn) {
        return drill.performedAt() != null && signIn.createdDateTime() != null
                && Duration.between(drill.performedAt(), signIn.createdDateTime()).abs().compareTo(MATCH_WINDOW) <= 0;
    }

    /**
     * Settles a PENDING drill against the logs; other verifications are returned as recorded. {@code signInsSince} is
     * where the given sign-ins start (null: as far back as the logs go); a drill whose ±2 h window starts before the
     * oldest sign-in the logs still hold cannot be refuted: it is UNVERIFIABLE ({@value #LOGS_EXPIRED}).
     */
    public static Settlement settle(Drill drill, String userId, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now) {
        if (drill.verification() != DrillVerification.PENDING) {
            return new Settlement(drill.verification(), drill.matchedSignInId(), drill.verificationReason());
        }
        if (!signIns.isKnown()) {
            UnknownReason reason = signIns.missing().orElseThrow().reason();
            boolean permanent = reason == UnknownReason.LICENSE_REQUIRED || reason == UnknownReason.PERMISSION_DENIED;
            return permanent
                    ? new Settlement(DrillVerification.UNVERIFIABLE, null, reason.wireValue())
                    : new Settlement(DrillVerification.PENDING, null);
        }
        Optional<SignIn> match = signIns.value()
                .stream()
                .filter(s -> s.userId() != null && s.userId().equalsIgnoreCase(userId))
                .filter(s -> s.succeeded() && !Boolean.FALSE.equals(s.interactive()))
                .filter(s -> withinWindow(drill, s))
                .findFirst();
        if (match.isPresent()) {
            return new Settlement(DrillVerification.VERIFIED, match.get().id());
        }
        if (logWindowOpen(drill, now)) {
            return new Settlement(DrillVerification.PENDING, null);
        }
        Instant logsFrom = SignIn.clampToRetention(signInsSince, now);
        boolean logsReachBack = !logsFrom.isAfter(drill.performedAt().minus(MATCH_WINDOW));
        return logsReachBack
                ? new Settlement(DrillVerification.REFUTED, null)
                : new Settlement(DrillVerification.UNVERIFIABLE, null, LOGS_EXPIRED);
    }

    /** True while sign-in logs may still be catching up with the drill. */
    public static boolean logWindowOpen(Drill drill, Instant now) {
        return now.isBefore(drill.performedAt().plus(LOG_LATENCY));
    }
}
