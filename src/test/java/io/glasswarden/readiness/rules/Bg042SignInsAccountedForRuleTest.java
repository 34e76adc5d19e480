package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.UPN;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.drill;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.readiness.RuleResult;

class Bg042SignInsAccountedForRuleTest {
    private static final Instant FIVE_DAYS_AGO = NOW.minus(days(5));
    private final Bg042SignInsAccountedForRule rule = new Bg042SignInsAccountedForRule();

    @Test
    void noSignInPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void evidenceGivesTheEffectiveWindowCutToTheLogRetention() {
        Instant logsFrom = SignIn.oldestReadable(NOW);

        Finding finding = ready().signInsSince(logsFrom).evaluate(rule);

        assertThat(finding.evidence().get("checkedFrom")).hasToString(logsFrom.toString());
        assertThat(finding.evidence().get("drillWindowStart")).hasToString(NOW.minus(days(90)).toString());
        assertThat(finding.evidence()).containsEntry("logRetentionDays", 30L)
                .containsEntry("logsCover", "interactive sign-ins (Microsoft Graph v1.0)");
    }

    @Test
    void unexplainedSignInFailsAndIsListed() {
        Finding finding = ready().signIns(signIn("s-1", FIVE_DAYS_AGO)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("unaccountedSignIns").toString()).contains("s-1", "203.0.113.7");
    }

    @Test
    void signInWithinTwoHoursOfADrillPasses() {
        assertThat(ready().drills(drill("d", FIVE_DAYS_AGO, DrillVerification.PENDING))
                .signIns(signIn("s-1", FIVE_DAYS_AGO.plus(Duration.ofMinutes(119))))
                .evaluate(rule)
                .result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void signInMoreThanTwoHoursFromADrillFails() {
        assertThat(ready().drills(drill("d", FIVE_DAYS_AGO, DrillVerification.PENDING))
                .signIns(signIn("s-1", FIVE_DAYS_AGO.plus(Duration.ofMinutes(121))))
                .evaluate(rule)
                .result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void signInMatchedToADrillByIdPasses() {
        assertThat(ready().drills(new Drill("d", NOW.minus(days(40)), DrillOutcome.SUCCEEDED,
                DrillVerification.VERIFIED, "s-1")).signIns(signIn("s-1", FIVE_DAYS_AGO)).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void acknowledgedSignInPasses() {
        assertThat(ready().acknowledgedSignIns("s-1").signIns(signIn("s-1", FIVE_DAYS_AGO)).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void signInsOutsideTheIntervalOfOtherUsersOrFailedAreIgnored() {
        SignIn old = signIn("old", NOW.minus(days(91)));
        SignIn otherUser = new SignIn("other", "someone-else", "x@contoso.com", FIVE_DAYS_AGO, 0, null, true, "App",
                "198.51.100.1");
        SignIn failed = new SignIn("failed", USER_ID, UPN, FIVE_DAYS_AGO, 50126, "bad password",
                true, "App", "198.51.100.2");
        assertThat(ready().signIns(old, otherUser, failed).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableLogsAreNotApplicableAndSayWhy() {
        Finding finding = ready().signInsUnreadable(NO_PERMISSION).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.NOT_APPLICABLE);
        assertThat(finding.reason()).isEqualTo("permission-denied");
        assertThat(finding.evidence().get("unreadable").toString()).contains("AuditLog.Read.All");
    }
}
