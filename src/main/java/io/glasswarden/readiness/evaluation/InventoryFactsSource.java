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

    InventoryFacts of(EvaluationPlan.Account account, Fact<List<SignIn>> signIns, Instant signInsSince,
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
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> evaluations.previousMethodIds(account.id())),
                reviews.isResolvable() ? reviews.get().reviews(account.id()) : List.of());
    }
}
