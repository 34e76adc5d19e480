package io.glasswarden.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What Glasswarden itself knows about an account (not read from the directory): custodians, drills, attestations,
 * acknowledgements, the method ids seen at the previous completed evaluation ({@code null} when there was none,
 * which makes BG-062 not applicable) and post-use reviews (BG-043).
 */
public record InventoryFacts(
        boolean expectsCertificateAuth,
        List<Custodian> custodians,
        List<Drill> drills,
        List<Attestation> attestations,
        Set<String> acknowledgedSignInIds,
        Set<String> acknowledgedMethodIds,
        Set<String> previousMethodIds,
        List<Review> reviews) {

    public InventoryFacts {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        custodians = custodians == null ? List.of() : List.copyOf(custodians);
        drills = drills == null ? List.of() : List.copyOf(drills);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
        acknowledgedSignInIds = acknowledgedSignInIds == null ? Set.of() : Set.copyOf(acknowledgedSignInIds);
        acknowledgedMethodIds = acknowledgedMethodIds == null ? Set.of() : Set.copyOf(acknowledgedMethodIds);
        previousMethodIds = previousMethodIds == null ? null : Set.copyOf(previousMethodIds);
    }

    /** Without post-use reviews (BG-043 not applicable). */
    public InventoryFacts(boolean expectsCertificateAuth, List<Custodian> custodians, List<Drill> drills,
            List<Attestation> attestations, Set<String> acknowledgedSignInIds, Set<String> acknowledgedMethodIds,
            Set<String> previousMethodIds) {
        this(expectsCertificateAuth, custodians, drills, attestations, acknowledgedSignInIds, acknowledgedMethodIds,
                previousMethodIds, List.of());
    }

    /**
     * A post-use review, opened when a sign-in was acknowledged as EMERGENCY or MISUSE (BG-043): {@code signInAt} the
     * sign-in's time (the acknowledgement's when the sign-in was not observed), {@code credentialsRecordedAt} when an
     * operator recorded that the credentials were rotated or re-sealed (null while not).
     */
    public record Review(String id, String signInId, String classification, Instant signInAt, Instant openedAt,
            Instant credentialsRecordedAt) {
    }

    /** An account nobody has recorded anything about yet. */
    public static InventoryFacts empty() {
        return new InventoryFacts(false, List.of(), List.of(), List.of(), Set.of(), Set.of(), null);
    }

    /** A person who holds the account's credentials. */
    public record Custodian(String name, String email) {
    }

    /**
     * A recorded test sign-in; {@code matchedSignInId} is set once verified against the sign-in logs,
     * {@code verificationReason} when UNVERIFIABLE (e.g. {@code logs-expired}).
     */
    public record Drill(String id, Instant performedAt, DrillOutcome outcome, DrillVerification verification,
            String matchedSignInId, String verificationReason) {

        public Drill(String id, Instant performedAt, DrillOutcome outcome, DrillVerification verification,
                String matchedSignInId) {
            this(id, performedAt, outcome, verification, matchedSignInId, null);
        }
    }

    /** A signed statement by a custodian or admin. */
    public record Attestation(AttestationKind kind, Instant attestedAt) {
    }

    /** What the person performing the drill reported. */
    public enum DrillOutcome {
        SUCCEEDED, FAILED, ABORTED
    }

    /** Whether the sign-in logs confirm a drill (api.md "Drills"). */
    public enum DrillVerification {
        PENDING, VERIFIED, REFUTED, UNVERIFIABLE
    }

    /** What an attestation vouches for. */
    public enum AttestationKind {
        CUSTODY, DRILL, ROSTER
    }
}
