package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.readiness.AttestationRecords;
import io.glasswarden.readiness.DrillRecords;
import io.glasswarden.readiness.InventoryFacts;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Test stand-in for the drills, attestations and sign-in watch features (only in {@link EvaluationTestProfile}): by
 * default every account had a verified drill 20 days ago and a custody attestation 10 days ago; tests may take them
 * away or acknowledge methods.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@IfBuildProperty(name = "glasswarden.testing.lifecycle-fakes", stringValue = "true")
public class FakeLifecycleRecords implements DrillRecords, AttestationRecords, AcknowledgementRecords {

    private final Set<UUID> withoutRecords = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Set<String>> acknowledgedMethods = new ConcurrentHashMap<>();
    private final Clock clock;

    FakeLifecycleRecords(Clock clock) {
        this.clock = clock;
    }

    public void removeRecords(UUID accountId) {
        withoutRecords.add(accountId);
    }

    public void acknowledgeMethod(UUID accountId, String methodId) {
        acknowledgedMethods.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(methodId);
    }

    @Override
    public List<InventoryFacts.Drill> settleAndList(UUID accountId, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now) {
        if (withoutRecords.contains(accountId)) {
            return List.of();
        }
        return List.of(new InventoryFacts.Drill("drill-" + accountId, clock.instant().minus(Duration.ofDays(20)),
                InventoryFacts.DrillOutcome.SUCCEEDED, InventoryFacts.DrillVerification.VERIFIED, null));
    }

    @Override
    public List<InventoryFacts.Attestation> list(UUID accountId) {
        if (withoutRecords.contains(accountId)) {
            return List.of();
        }
        return List.of(new InventoryFacts.Attestation(InventoryFacts.AttestationKind.CUSTODY,
                clock.instant().minus(Duration.ofDays(10))));
    }

    @Override
    public Set<String> acknowledgedSignInIds(UUID accountId) {
        return Set.of();
    }

    @Override
    public Set<String> acknowledgedMethodIds(UUID accountId) {
        return acknowledgedMethods.getOrDefault(accountId, Set.of());
    }
}
