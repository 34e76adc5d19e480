package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.UPN;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.drill;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.DrillSignInMatcher;
import io.glasswarden.readiness.DrillSignInMatcher.Settlement;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.readiness.RuleResult;

/**
 * Drill sign-in matching (api.md "Drills": a successful interactive sign-in of the account within ±2 h of
 * {@code performedAt}) at its edges, in the matcher and in BG-041 and BG-042. The sign-in logs are tenant-wide, so
 * another user's sign-in reaches the matcher and must not count.
 */
class DrillBranchesTest {
    private static final Instant AT = NOW.minus(Duration.ofHours(5));
    private static final Drill PENDING = drill("d", AT, DrillVerification.PENDING);
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Instant LOGS_SINCE = NOW.minus(days(30));
    private static final String OTHER_USER = "7c9e0000-0000-4000-8000-0000000000aa";
    private final Bg041DrillRecordedRule bg041 = new Bg041DrillRecordedRule();
    private final Bg042SignInsAccountedForRule bg042 = new Bg042SignInsAccountedForRule();

    private static Settlement settle(Drill drill, Instant now, Instant since, SignIn... signIns) {
        return DrillSignInMatcher.settle(drill, USER_ID, Fact.known(List.of(signIns)), since, now);
    }

    private static SignIn signInOf(String id, String userId, Instant at) {
        return new SignIn(id, userId, "someone@contoso.com", at, 0, null, true, "Azure Portal", "203.0.113.7");
    }

    // --- the matcher

    @Test
    void aSignInExactlyTwoHoursBeforeOrAfterVerifies() {
        Settlement before = settle(PENDING, NOW, LOGS_SINCE, signIn("s-before", AT.minus(TWO_HOURS)));
        Settlement after = settle(PENDING, NOW, LOGS_SINCE, signIn("s-after", AT.plus(TWO_HOURS)));

        assertThat(before).isEqualTo(new Settlement(DrillVerification.VERIFIED, "s-before"));
        assertThat(after).isEqualTo(new Settlement(DrillVerification.VERIFIED, "s-after"));
    }

    @Test
    void aSignInJustOutsideTwoHoursDoesNotVerify() {
        Settlement settlement = settle(PENDING, NOW, LOGS_SINCE,
                signIn("s-early", AT.minus(TWO_HOURS).minusSeconds(1)),
                signIn("s-late", AT.plus(TWO_HOURS).plusSeconds(1)));

        assertThat(settlement).isEqualTo(new Settlement(DrillVerification.REFUTED, null));
    }

    @Test
    void anotherUsersSignInAtTheDrillTimeDoesNotVerify() {
        Settlement settlement = settle(PENDING, NOW, LOGS_SINCE, signInOf("s-other", OTHER_USER, AT),
                signInOf("s-anon", null, AT));

        assertThat(settlement).isEqualTo(new Settlement(DrillVerification.REFUTED, null));
    }

    @Test
    void theAccountsOwnSignInIsFoundAmongOthersWhateverTheCaseOfItsId() {
        Settlement settlement = settle(PENDING, NOW, LOGS_SINCE, signInOf("s-other", OTHER_USER, AT),
                signInOf("s-own", USER_ID.toUpperCase(), AT.plusSeconds(60)));

        assertThat(settlement).isEqualTo(new Settlement(DrillVerification.VERIFIED, "s-own"));
    }

    @Test
    void aSignInWhoseInteractivityIsNotReportedCounts() {
        SignIn unknownKind = new SignIn("s", USER_ID, UPN, AT, 0, null, null, "Azure Portal", null);

        assertThat(settle(PENDING, NOW, LOGS_SINCE, unknownKind))
                .isEqualTo(new Settlement(DrillVerification.VERIFIED, "s"));
    }

    @Test
    void theLogLatencyWindowClosesExactlyOneHourAfterTheDrill() {
        Drill drill = drill("d", NOW.minus(Duration.ofHours(1)), DrillVerification.PENDING);
        Drill younger = drill("d", NOW.minus(Duration.ofHours(1)).plusSeconds(1), DrillVerification.PENDING);

        assertThat(settle(drill, NOW, LOGS_SINCE).verification()).isEqualTo(DrillVerification.REFUTED);
        assertThat(settle(younger, NOW, LOGS_SINCE).verification()).isEqualTo(DrillVerification.PENDING);
        assertThat(DrillSignInMatcher.logWindowOpen(drill, NOW)).isFalse();
        assertThat(DrillSignInMatcher.logWindowOpen(younger, NOW)).isTrue();
    }

    @Test
    void logsThatReachBackExactlyToTheWindowStartCanRefute() {
        assertThat(settle(PENDING, NOW, AT.minus(TWO_HOURS)).verification()).isEqualTo(DrillVerification.REFUTED);
        assertThat(settle(PENDING, NOW, AT.minus(TWO_HOURS).plusSeconds(1)).verification())
                .isEqualTo(DrillVerification.UNVERIFIABLE);
        assertThat(settle(PENDING, NOW, null).verification()).isEqualTo(DrillVerification.REFUTED);
    }

    @Test
    void permissionAndLicenceGapsAreFinalOtherGapsAreNot() {
        for (UnknownReason reason : List.of(UnknownReason.PERMISSION_DENIED, UnknownReason.LICENSE_REQUIRED,
                UnknownReason.THROTTLED, UnknownReason.TIMEOUT, UnknownReason.GRAPH_ERROR)) {
            DataGap gap = DataGap.of("sign-in logs", reason, "test");
            Settlement settlement = DrillSignInMatcher.settle(PENDING, USER_ID, Fact.unknown(gap), LOGS_SINCE, NOW);
            boolean permanent = reason == UnknownReason.PERMISSION_DENIED || reason == UnknownReason.LICENSE_REQUIRED;

            assertThat(settlement.verification()).as(reason.name())
                    .isEqualTo(permanent ? DrillVerification.UNVERIFIABLE : DrillVerification.PENDING);
            assertThat(settlement.signInId()).isNull();
        }
    }

    @Test
    void aSettledDrillKeepsItsVerificationAndMatchedSignIn() {
        Drill verified = new Drill("d", AT, DrillOutcome.SUCCEEDED, DrillVerification.VERIFIED, "s-1");

        assertThat(settle(verified, NOW, LOGS_SINCE)).isEqualTo(new Settlement(DrillVerification.VERIFIED, "s-1"));
    }

    @Test
    void withoutTimesNothingIsWithinTheWindow() {
        Drill undated = new Drill("d", null, DrillOutcome.SUCCEEDED, DrillVerification.PENDING, null);

        assertThat(DrillSignInMatcher.withinWindow(undated, signIn("s", AT))).isFalse();
        assertThat(DrillSignInMatcher.withinWindow(PENDING, signIn("s", null))).isFalse();
    }

    // --- BG-041

    @Test
    void bg041RefutesADrillWhoseOnlySignInIsOutsideTheWindowAndSaysSo() {
        Finding finding = ready().drills(PENDING)
                .signIns(signIn("s-late", AT.plus(TWO_HOURS).plusSeconds(1)))
                .evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("refuted");
        assertThat(drillEvidence(finding)).containsEntry("verification", "REFUTED")
                .containsEntry("matchedSignInId", null);
    }

    @Test
    void bg041RefutesADrillWhoseOnlySignInIsAnotherUsers() {
        Finding finding = ready().drills(PENDING).signIns(signInOf("s-other", OTHER_USER, AT)).evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(drillEvidence(finding)).containsEntry("verification", "REFUTED");
    }

    @Test
    void bg041VerifiesWithASignInExactlyTwoHoursAfter() {
        Finding finding = ready().drills(PENDING).signIns(signIn("s-edge", AT.plus(TWO_HOURS))).evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).endsWith("confirmed by the sign-in logs.");
        assertThat(drillEvidence(finding)).containsEntry("verification", "VERIFIED")
                .containsEntry("matchedSignInId", "s-edge");
    }

    @Test
    void bg041DoesNotRefuteWhenTheLogsDoNotReachBack() {
        Finding finding = ready().drills(PENDING).signInsSince(AT.minus(Duration.ofHours(1))).evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).contains("not refuted");
        assertThat(drillEvidence(finding)).containsEntry("verification", "UNVERIFIABLE");
    }

    @Test
    void bg041CountsADrillExactlyAtTheIntervalBoundaryButNotOneSecondOlder() {
        Finding edge = ready().drills(drill("d", NOW.minus(days(90)), DrillVerification.VERIFIED)).evaluate(bg041);
        Finding stale = ready().drills(drill("d", NOW.minus(days(90)).minusSeconds(1), DrillVerification.VERIFIED))
                .evaluate(bg041);

        assertThat(edge.result()).isEqualTo(RuleResult.PASS);
        assertThat(stale.result()).isEqualTo(RuleResult.FAIL);
        assertThat(stale.message()).contains("longer ago than the 90-day drill interval");
        assertThat(stale.evidence()).containsEntry("drillIntervalDays", 90);
    }

    @Test
    void bg041JudgesTheLatestSuccessfulDrillNotALaterFailedOne() {
        Finding finding = ready().drills(drill("ok", NOW.minus(days(10)), DrillVerification.VERIFIED),
                new Drill("failed", NOW.minus(days(1)), DrillOutcome.FAILED, DrillVerification.REFUTED, null))
                .evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(drillEvidence(finding)).containsEntry("id", "ok");
    }

    @Test
    void bg041WaitsWhileTheLogWindowIsOpenEvenWhenTheLogsAreThrottled() {
        Finding finding = ready().drills(drill("d", NOW.minus(Duration.ofMinutes(30)), DrillVerification.PENDING))
                .signInsUnreadable(THROTTLED)
                .evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).endsWith("waiting for the sign-in logs to catch up.");
    }

    @Test
    void bg041WithUnreadableLogsPassesOnlyAsUnverifiable() {
        Finding finding = ready().drills(PENDING).signInsUnreadable(NO_PERMISSION).evaluate(bg041);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(drillEvidence(finding)).containsEntry("verification", "UNVERIFIABLE");
    }

    // --- BG-042

    @Test
    void bg042ListsASignInOutsideEveryDrillWindow() {
        Finding finding = ready().drills(drill("d", AT, DrillVerification.VERIFIED))
                .signIns(signIn("s-late", AT.plus(TWO_HOURS).plusSeconds(1)), signIn("s-edge", AT.minus(TWO_HOURS)))
                .evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("1 successful sign-in(s)");
        assertThat(finding.evidence()).containsEntry("successfulSignIns", 2);
        assertThat(unaccounted(finding)).extracting(s -> s.get("id")).containsExactly("s-late");
    }

    @Test
    void bg042IgnoresOtherUsersSignIns() {
        Finding finding = ready().drills()
                .signIns(signInOf("s-other", OTHER_USER, AT), signInOf("s-anon", null, AT))
                .evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("successfulSignIns", 0);
    }

    @Test
    void bg042MatchesTheAccountsSignInsWhateverTheCaseOfItsId() {
        Finding finding = ready().drills().signIns(signInOf("s-own", USER_ID.toUpperCase(), AT)).evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(unaccounted(finding)).extracting(s -> s.get("id")).containsExactly("s-own");
    }

    @Test
    void bg042LooksBackExactlyTheDrillInterval() {
        Instant start = NOW.minus(days(90));
        Finding finding = ready().drills()
                .signInsSince(NOW.minus(days(100)))
                .signIns(signIn("s-edge", start), signIn("s-older", start.minusSeconds(1)))
                .evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(unaccounted(finding)).extracting(s -> s.get("id")).containsExactly("s-edge");
        assertThat(finding.evidence()).containsEntry("checkedFrom", start.toString());
    }

    @Test
    void bg042SaysHowFarBackTheLogsWentWhenTheyDoNotReachTheIntervalStart() {
        Instant since = NOW.minus(days(30));
        Finding finding = ready().signInsSince(since).evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("checkedFrom", since.toString());
    }

    @Test
    void bg042CountsAcknowledgedAndDrillMatchedSignInsAsAccountedFor() {
        Drill matchedFarAway = new Drill("d", NOW.minus(days(20)), DrillOutcome.SUCCEEDED,
                DrillVerification.VERIFIED, "s-matched");
        Finding finding = ready().drills(matchedFarAway)
                .acknowledgedSignIns("s-ack")
                .signIns(signIn("s-ack", AT), signIn("s-matched", NOW.minus(days(3))))
                .evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).isEqualTo("All 2 recent successful sign-ins of the account are accounted for.");
    }

    @Test
    void bg042IgnoresFailedSignIns() {
        SignIn failed = new SignIn("s-failed", USER_ID, UPN, AT, 50126, "bad password", true, "Azure Portal", null);

        Finding finding = ready().drills().signIns(failed).evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("successfulSignIns", 0);
    }

    @Test
    void bg042IsNotApplicableWhenTheLogsCannotBeRead() {
        Finding finding = ready().signInsUnreadable(NO_PERMISSION).evaluate(bg042);

        assertThat(finding.result()).isEqualTo(RuleResult.NOT_APPLICABLE);
        assertThat(finding.gap()).isEqualTo(NO_PERMISSION);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> drillEvidence(Finding finding) {
        return (Map<String, Object>) finding.evidence().get("drill");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unaccounted(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("unaccountedSignIns");
    }
}
