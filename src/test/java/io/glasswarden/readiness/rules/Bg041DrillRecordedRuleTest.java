package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.drill;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.readiness.RuleResult;

class Bg041DrillRecordedRuleTest {
    private static final Instant THREE_HOURS_AGO = NOW.minus(Duration.ofHours(3));
    private final Bg041DrillRecordedRule rule = new Bg041DrillRecordedRule();

    @Test
    void recentVerifiedDrillPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noDrillFails() {
        assertThat(ready().drills().evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void failedDrillDoesNotCount() {
        assertThat(ready().drills(new Drill("d", NOW.minus(days(1)), DrillOutcome.FAILED, DrillVerification.VERIFIED,
                null)).evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void staleDrillFails() {
        assertThat(ready().drills(drill("d", NOW.minus(days(91)), DrillVerification.VERIFIED))
                .evaluate(rule)
                .message()).contains("longer ago than the 90-day drill interval");
    }

    @Test
    void refutedLatestDrillFailsEvenIfAnOlderOneWasVerified() {
        assertThat(ready().drills(drill("old", NOW.minus(days(20)), DrillVerification.VERIFIED),
                drill("new", NOW.minus(days(2)), DrillVerification.REFUTED)).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void aPendingDrillThatPredatesTheLogsPassesAsUnverifiableNeverRefuted() {
        // a past drill recorded at onboarding: 60 days ago, the logs hold 30 days and show no sign-in
        Finding finding = ready().drills(drill("d", NOW.minus(days(60)), DrillVerification.PENDING))
                .signInsSince(NOW.minus(days(90)))
                .signIns()
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).contains("predates the sign-ins the logs still hold");
        assertThat(finding.evidence().get("drill").toString()).contains("UNVERIFIABLE", "logs-expired");
    }

    @Test
    void unverifiableDrillPasses() {
        assertThat(ready().drills(drill("d", NOW.minus(days(2)), DrillVerification.UNVERIFIABLE))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void pendingDrillPassesWhileTheLogWindowIsOpen() {
        assertThat(ready().drills(drill("d", NOW.minus(Duration.ofMinutes(30)), DrillVerification.PENDING))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void pendingDrillIsVerifiedByAMatchingSignIn() {
        Finding finding = ready().drills(drill("d", THREE_HOURS_AGO, DrillVerification.PENDING))
                .signIns(signIn("s-1", THREE_HOURS_AGO.plus(Duration.ofMinutes(5))))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("drill").toString()).contains("VERIFIED", "s-1");
    }

    @Test
    void pendingDrillWithoutSignInAfterTheWindowIsRefuted() {
        assertThat(ready().drills(drill("d", THREE_HOURS_AGO, DrillVerification.PENDING)).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void pendingDrillWithUnlicensedLogsIsUnverifiableAndPasses() {
        assertThat(ready().drills(drill("d", THREE_HOURS_AGO, DrillVerification.PENDING))
                .signInsUnreadable(NO_LICENCE)
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void pendingDrillWithThrottledLogsIsUnknown() {
        Finding finding = ready().drills(drill("d", THREE_HOURS_AGO, DrillVerification.PENDING))
                .signInsUnreadable(THROTTLED)
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("throttled");
    }
}
