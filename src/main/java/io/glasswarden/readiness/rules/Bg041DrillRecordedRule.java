package io.glasswarden.readiness.rules;

import java.util.Comparator;
import java.util.Optional;

import io.glasswarden.directory.DataGap;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.DrillSignInMatcher;
import io.glasswarden.readiness.DrillSignInMatcher.Settlement;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-041: the latest successful drill is within the drill interval and the sign-in logs do not refute it. */
public final class Bg041DrillRecordedRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-041", "Drill recorded and not refuted",
            Severity.MEDIUM,
            "Run a drill (sign in with the account, check access, sign out) and record it; if a drill was refuted, "
                    + "find out why no matching sign-in appears in the logs.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Optional<Drill> latest = context.inventory()
                .drills()
                .stream()
                .filter(d -> d.outcome() == DrillOutcome.SUCCEEDED && d.performedAt() != null)
                .max(Comparator.comparing(Drill::performedAt));
        int days = context.settings().drillIntervalDays();
        Evidence evidence = Evidence.of("drillIntervalDays", days);
        if (latest.isEmpty()) {
            return RULE.fail("No successful drill is recorded for the account.", evidence);
        }
        Drill drill = latest.get();
        Settlement settlement = DrillSignInMatcher.settle(drill, context.userId(), context.tenant().signIns(),
                context.tenant().signInsSince(), context.now());
        evidence.put("drill", Evidence.entry("id", drill.id(), "performedAt", drill.performedAt(), "verification",
                settlement.verification(), "verificationReason", settlement.reason(), "matchedSignInId",
                settlement.signInId()));
        if (drill.performedAt().isBefore(context.drillWindowStart())) {
            return RULE.fail("The last successful drill was on " + drill.performedAt() + ", longer ago than the "
                    + days + "-day drill interval.", evidence);
        }
        DrillVerification verification = settlement.verification();
        if (verification == DrillVerification.REFUTED) {
            return RULE.fail("The sign-in logs show no sign-in for the last recorded drill, so it is refuted.",
                    evidence);
        }
        if (verification == DrillVerification.PENDING && !DrillSignInMatcher.logWindowOpen(drill, context.now())) {
            DataGap gap = context.tenant().signIns().missing().orElseThrow();
            return RULE.unknown(gap, "The last drill could not yet be checked against the sign-in logs.", evidence);
        }
        return RULE.pass("The last successful drill is recent and " + switch (verification) {
            case VERIFIED -> "confirmed by the sign-in logs.";
            case UNVERIFIABLE -> DrillSignInMatcher.LOGS_EXPIRED.equals(settlement.reason())
                    ? "not refuted (it predates the sign-ins the logs still hold, so they cannot confirm it)."
                    : "not refuted (the sign-in logs cannot be read to confirm it).";
            default -> "waiting for the sign-in logs to catch up.";
        }, evidence);
    }
}
