package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Attestation;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.readiness.InventoryFacts.Review;
import io.glasswarden.readiness.RuleResult;

@SuppressWarnings("unchecked")
class Bg043PostUseReviewRuleTest {
    private static final Instant SIGN_IN = NOW.minus(days(10));
    private final Bg043PostUseReviewRule rule = new Bg043PostUseReviewRule();

    @Test
    void noEmergencyOrMisuseSignInIsNotApplicable() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void allThreeStepsAfterTheSignInPass() {
        Finding finding = ready().reviews(review(SIGN_IN, SIGN_IN.plus(days(1))))
                .attestations(custody(SIGN_IN.plus(days(2))))
                .drills(drill(SIGN_IN.plus(days(3)), DrillOutcome.SUCCEEDED, DrillVerification.VERIFIED))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat((List<?>) finding.evidence().get("openSteps")).isEmpty();
    }

    @Test
    void recordsFromBeforeTheSignInDoNotCloseStepsAndTheOverdueReviewFailsListingThem() {
        Finding finding = ready().reviews(review(SIGN_IN, null))
                .attestations(custody(SIGN_IN.minus(Duration.ofMinutes(1))))
                .drills(drill(SIGN_IN.minus(Duration.ofMinutes(1)), DrillOutcome.SUCCEEDED,
                        DrillVerification.VERIFIED))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat((List<Object>) finding.evidence().get("openSteps")).containsExactly(
                "CREDENTIALS_ROTATED_OR_RESEALED",
                "CUSTODY_ATTESTATION", "SUCCEEDED_DRILL");
        assertThat(finding.message()).contains("not completed within 7 days");
    }

    @Test
    void aFailedOrRefutedDrillDoesNotCloseTheDrillStep() {
        Finding finding = ready().reviews(review(SIGN_IN, SIGN_IN.plus(days(1))))
                .attestations(custody(SIGN_IN.plus(days(2))))
                .drills(drill(SIGN_IN.plus(days(3)), DrillOutcome.FAILED, DrillVerification.VERIFIED),
                        drill(SIGN_IN.plus(days(4)), DrillOutcome.SUCCEEDED, DrillVerification.REFUTED))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat((List<Object>) finding.evidence().get("openSteps")).containsExactly("SUCCEEDED_DRILL");
    }

    @Test
    void anOpenReviewWithinThePeriodPassesButListsItsOpenSteps() {
        Instant recent = NOW.minus(days(2));
        Finding finding = ready().reviews(review(recent, null)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat((List<?>) finding.evidence().get("openSteps")).hasSize(3);
        assertThat(finding.evidence().get("dueAt")).isEqualTo(recent.plus(days(7)).toString());
    }

    @Test
    void onlyTheLatestReviewCounts() {
        Review old = review(SIGN_IN.minus(days(30)), null);
        Finding finding = ready().reviews(old, review(SIGN_IN, SIGN_IN.plus(days(1))))
                .attestations(custody(SIGN_IN.plus(days(2))))
                .drills(drill(SIGN_IN.plus(days(3)), DrillOutcome.SUCCEEDED, DrillVerification.PENDING))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence().get("signInAt")).isEqualTo(SIGN_IN.toString());
    }

    private static Review review(Instant signInAt, Instant credentialsAt) {
        return new Review("r-" + signInAt.getEpochSecond(), "s-1", "EMERGENCY", signInAt, signInAt, credentialsAt);
    }

    private static Attestation custody(Instant at) {
        return new Attestation(AttestationKind.CUSTODY, at);
    }

    private static Drill drill(Instant at, DrillOutcome outcome, DrillVerification verification) {
        return new Drill("d-" + at.getEpochSecond(), at, outcome, verification, null);
    }
}
