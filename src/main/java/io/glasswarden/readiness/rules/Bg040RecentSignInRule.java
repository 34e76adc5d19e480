package io.glasswarden.readiness.rules;

import java.time.Duration;
import java.time.Instant;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignInActivity;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-040: the directory saw a successful sign-in within the drill interval, so the account is known to work. */
public final class Bg040RecentSignInRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-040",
            "Successful sign-in within the drill interval", Severity.MEDIUM,
            "Run a drill: sign in with the account using one of its keys, then record the drill in Glasswarden.",
            "https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-manage-inactive-user-accounts");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<SignInActivity> activity = context.account().signInActivity();
        if (!activity.isKnown()) {
            return RULE.unknown(activity.missing().orElseThrow());
        }
        Instant last = activity.value() == null ? null : activity.value().lastSuccessfulSignIn();
        int days = context.settings().drillIntervalDays();
        Evidence evidence = Evidence.of("lastSuccessfulSignIn", last).put("drillIntervalDays", days);
        if (last == null) {
            return RULE.fail("The directory has no record of a successful sign-in by the account, so nobody knows "
                    + "it works.", evidence);
        }
        long ago = Duration.between(last, context.now()).toDays();
        evidence.put("daysAgo", ago);
        if (last.isBefore(context.drillWindowStart())) {
            return RULE.fail("The account last signed in successfully " + ago + " days ago, longer than the "
                    + days + "-day drill interval.", evidence);
        }
        return RULE.pass("The account signed in successfully " + ago + " days ago.", evidence);
    }
}
