package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.readiness.AttestationRecords;
import io.glasswarden.readiness.DrillRecords;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.ReviewRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Builds an account's {@link InventoryFacts} from the inventory and the lifecycle features' records. */
@ApplicationScoped
class InventoryFactsSource {

    private final DrillRecords drills;
    private final AttestationRecords attestations;
    private final AcknowledgementRecords acknowledgements;
    private final EvaluationRepository evaluations;
    private final jakarta.enterprise.inject.Instance<ReviewRecords> reviews;

    InventoryFactsSource(DrillRecords drills, AttestationRecords attestations,
            AcknowledgementRecords acknowledgements, EvaluationRepository evaluations,
            jakarta.enterprise.inject.Instance<ReviewRecords> reviews) {
        this.reviews = reviews;
        this.drills = drills;
        this.attestations = attestations;
        this.acknowledgements = acknowledgements;
        this.evaluations = evaluations;
    }

    /**
     * The facts of every account of a run, in one transaction: each account needs six reads (and may settle drills),
     * and a transaction apiece cost more than the reads.
     */
    List<InventoryFacts> of(List<EvaluationPlan.Account> accounts, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now) {
        return QuarkusTransaction.requiringNew()
                .call(() -> accounts.stream().map(a -> of(a, signIns, signInsSince, now)).toList());
    }

    private InventoryFacts of(EvaluationPlan.Account account, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now) {
        List<InventoryFacts.Custodian> custodians = account.custodians()
                .stream()
                .map(c -> new InventoryFacts.Custodian(c.name(), c.email()))
                .toList();
        return new InventoryFacts(account.expectsCertificateAuth(), custodians,
                drills.settleAndList(account.id(), signIns, signInsSince, now),
                attestations.list(account.id()),
                acknowledgements.acknowledgedSignInIds(account.id()),
                acknowledgements.acknowledgedMethodIds(account.id()),
                evaluations.previousMethodIds(account.id()),
                reviews.isResolvable() ? reviews.get().reviews(account.id()) : List.of());
    }
}
