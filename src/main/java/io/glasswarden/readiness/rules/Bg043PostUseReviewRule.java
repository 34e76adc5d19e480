package io.glasswarden.readiness.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Review;
import io.glasswarden.readiness.ReviewSteps;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/**
 * BG-043: after a sign-in acknowledged as EMERGENCY or MISUSE, the review it opened (the latest one) is completed
 * within {@code postUseReviewDays} of the acknowledgement: credentials rotated or re-sealed, a CUSTODY attestation and
 * a SUCCEEDED drill after the sign-in. FAIL once the period has passed with steps still open; within the period the
 * result is PASS and the evidence lists the open steps and the due time (reminders go out meanwhile).
 */
public final class Bg043PostUseReviewRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-043", "Post-use review complete", Severity.HIGH,
            "Finish the post-use review: rotate or re-seal the credentials and record it (POST …/reviews), ask a "
                    + "custodian for a CUSTODY attestation, and perform and record a successful drill.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Optional<Review> latest = context.inventory()
                .reviews()
                .stream()
                .max(Comparator.comparing(Review::openedAt));
        if (latest.isEmpty()) {
            return RULE.notApplicable("No sign-in of the account was acknowledged as EMERGENCY or MISUSE.",
                    Evidence.of());
        }
        Review review = latest.get();
        int days = context.settings().postUseReviewDays();
        Instant due = review.openedAt().plus(Duration.ofDays(days));
        ReviewSteps steps = ReviewSteps.of(review, context.inventory().drills(), context.inventory().attestations());
        Evidence evidence = Evidence.of("reviewId", review.id())
                .put("signInId", review.signInId())
                .put("classification", review.classification())
                .put("signInAt", review.signInAt())
                .put("openedAt", review.openedAt())
                .put("postUseReviewDays", days)
                .put("dueAt", due)
                .put("openSteps", steps.open());
        if (steps.complete()) {
            return RULE.pass("The review after the " + review.classification() + " sign-in of " + review.signInAt()
                    + " is complete.", evidence);
        }
        if (context.now().isAfter(due)) {
            return RULE.fail("The review after the " + review.classification() + " sign-in of " + review.signInAt()
                    + " was not completed within " + days + " days; open: " + String.join(", ", steps.open())
                    + ".", evidence);
        }
        return RULE.pass("The review after the " + review.classification() + " sign-in is open until " + due
                + "; open: " + String.join(", ", steps.open()) + ".", evidence);
    }
}
