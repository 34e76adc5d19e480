package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.readiness.AttestationRecords;
import io.glasswarden.readiness.DrillRecords;
import io.glasswarden.readiness.InventoryFacts;

/**
 * Builds an account's {@link InventoryFacts} from the inventory and the lifecycle features' records. A deployment
 * built without one of those features has no such records: the account then has none (no drill, no attestation, no
 * acknowledgement), which the rules report truthfully as failures rather than passes.
 */
@ApplicationScoped
class InventoryFactsSource {

    private final Instance<DrillRecords> drills;
    private final Instance<AttestationRecords> attestations;
    private final Instance<AcknowledgementRecords> acknowledgements;
    private final EvaluationRepository evaluations;

    InventoryFactsSource(Instance<DrillRecords> drills, Instance<AttestationRecords> attestations,
            Instance<AcknowledgementRecords> acknowledgements, EvaluationRepository evaluations) {
        this.drills = drills;
        this.attestations = attestations;
        this.acknowledgements = acknowledgements;
        this.evaluations = evaluations;
    }

    InventoryFacts of(EvaluationPlan.Account account, Fact<List<SignIn>> signIns, Instant now) {
        List<InventoryFacts.Custodian> custodians = account.custodians()
                .stream()
                .map(c -> new InventoryFacts.Custodian(c.name(), c.email()))
                .toList();
        return new InventoryFacts(account.expectsCertificateAuth(), custodians,
                drills.isResolvable() ? drills.get().settleAndList(account.id(), signIns, now) : List.of(),
                attestations.isResolvable() ? attestations.get().list(account.id()) : List.of(),
                acknowledgements.isResolvable() ? acknowledgements.get().acknowledgedSignInIds(account.id()) : Set.of(),
                acknowledgements.isResolvable() ? acknowledgements.get().acknowledgedMethodIds(account.id()) : Set.of(),
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> evaluations.previousMethodIds(account.id())));
    }
}
