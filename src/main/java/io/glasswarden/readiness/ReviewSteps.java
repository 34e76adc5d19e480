package io.glasswarden.readiness;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a post-use review (rules.md BG-043) and when each was satisfied: credentials rotated or re-sealed
 * (recorded by an operator), a {@code CUSTODY} attestation after the sign-in, and a {@code SUCCEEDED} drill after the
 * sign-in that the logs did not refute. A step closes by itself as soon as its record exists; the review is complete
 * when all three are.
 */
public record ReviewSteps(Instant credentials, Instant custodyAttestation, Instant succeededDrill) {

    /** The step names, in the order they are listed. */
    public static final List<String> NAMES = List.of("CREDENTIALS_ROTATED_OR_RESEALED", "CUSTODY_ATTESTATION",
            "SUCCEEDED_DRILL");

    public static ReviewSteps of(InventoryFacts.Review review, List<InventoryFacts.Drill> drills,
            List<InventoryFacts.Attestation> attestations) {
        Instant after = review.signInAt();
        Optional<Instant> custody = attestations.stream()
                .filter(a -> a.kind() == InventoryFacts.AttestationKind.CUSTODY && a.attestedAt() != null
                        && a.attestedAt().isAfter(after))
                .map(InventoryFacts.Attestation::attestedAt)
                .min(Comparator.naturalOrder());
        Optional<Instant> drill = drills.stream()
                .filter(d -> d.outcome() == InventoryFacts.DrillOutcome.SUCCEEDED
                        && d.verification() != InventoryFacts.DrillVerification.REFUTED && d.performedAt() != null
                        && d.performedAt().isAfter(after))
                .map(InventoryFacts.Drill::performedAt)
                .min(Comparator.naturalOrder());
        return new ReviewSteps(review.credentialsRecordedAt(), custody.orElse(null), drill.orElse(null));
    }

    public boolean complete() {
        return credentials != null && custodyAttestation != null && succeededDrill != null;
    }

    /** When the last step closed (null while open). */
    public Instant completedAt() {
        return complete()
                ? List.of(credentials, custodyAttestation, succeededDrill)
                        .stream()
                        .max(Comparator.naturalOrder())
                        .orElseThrow()
                : null;
    }

    /** The names of the steps still open. */
    public List<String> open() {
        List<Instant> done = java.util.Arrays.asList(credentials, custodyAttestation, succeededDrill);
        return java.util.stream.IntStream.range(0, NAMES.size())
                .filter(i -> done.get(i) == null)
                .mapToObj(NAMES::get)
                .toList();
    }
}
