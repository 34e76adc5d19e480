package io.glasswarden.readiness.rules;

import java.time.Instant;
import java.util.List;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.DrillSignInMatcher;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-042: every recent successful sign-in of the account is a recorded drill or was acknowledged. */
public final class Bg042SignInsAccountedForRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-042", "Every sign-in is accounted for",
            Severity.HIGH,
            "Find out who signed in: if it was a drill record it, otherwise acknowledge the sign-in as EMERGENCY or "
                    + "MISUSE; after misuse, rotate the account's credentials and review its activity.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<List<SignIn>> signIns = context.tenant().signIns();
        if (!signIns.isKnown()) {
            return RULE.notApplicable(signIns.missing().orElseThrow(), "The sign-in logs cannot be read, so sign-ins "
                    + "of the account cannot be checked.", Evidence.of());
        }
        String userId = context.userId();
        Instant since = context.drillWindowStart();
        InventoryFacts inventory = context.inventory();
        List<SignIn> recent = signIns.value()
                .stream()
                .filter(s -> s.userId() != null && s.userId().equalsIgnoreCase(userId))
                .filter(s -> s.succeeded() && s.createdDateTime() != null && !s.createdDateTime().isBefore(since))
                .toList();
        List<SignIn> unaccounted = recent.stream().filter(s -> !accountedFor(s, inventory)).toList();
        Instant logsFrom = context.tenant().signInsSince();
        // the effective window: the drill interval, cut to what the logs still hold (30 days with P1/P2)
        Evidence evidence = Evidence.of("checkedFrom", logsFrom != null && logsFrom.isAfter(since) ? logsFrom : since)
                .put("drillWindowStart", since)
                .put("logRetentionDays", SignIn.LOG_RETENTION.toDays())
                .put("logsCover", "interactive sign-ins (Microsoft Graph v1.0)")
                .put("successfulSignIns", recent.size())
                .put("unaccountedSignIns", unaccounted.stream()
                        .map(s -> Evidence.entry("id", s.id(), "at",
                                s.createdDateTime(), "app", s.appDisplayName(), "ipAddress", s.ipAddress()))
                        .toList());
        if (!unaccounted.isEmpty()) {
            return RULE.fail(unaccounted.size() + " successful sign-in(s) of the account match no drill and were not "
                    + "acknowledged: someone may be using it.", evidence);
        }
        return RULE.pass("All " + recent.size() + " recent successful sign-ins of the account are accounted for.",
                evidence);
    }

    private static boolean accountedFor(SignIn signIn, InventoryFacts inventory) {
        return inventory.acknowledgedSignInIds().contains(signIn.id())
                || inventory.drills()
                        .stream()
                        .anyMatch(d -> signIn.id().equals(d.matchedSignInId())
                                || DrillSignInMatcher.withinWindow(d, signIn));
    }
}
