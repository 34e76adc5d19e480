package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.readiness.AaguidCatalogue;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.AccountReadinessEvaluator;
import io.glasswarden.readiness.EnforcementTimeline;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantReadiness;
import io.glasswarden.readiness.TenantReadinessEvaluator;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one claimed evaluation: reads the inventory (short transaction), the directory (no transaction held open
 * during Graph calls), applies the rule catalogue, and records the outcome. Failures become a FAILED evaluation with
 * a message that is safe to show.
 */
@ApplicationScoped
class EvaluationRunner {

    private final EvaluationRepository evaluations;
    private final AccountService accounts;
    private final DirectorySelector directories;
    private final InventoryFactsSource inventory;
    private final EvaluationRecorder recorder;
    private final EvaluationMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final AaguidCatalogue aaguids = AaguidCatalogue.bundled();

    EvaluationRunner(EvaluationRepository evaluations, AccountService accounts, DirectorySelector directories,
            InventoryFactsSource inventory, EvaluationRecorder recorder, EvaluationMetrics metrics, ObjectMapper json,
            Clock clock) {
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.directories = directories;
        this.inventory = inventory;
        this.recorder = recorder;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** The plan of a run and the claim it runs under. */
    private record Claimed(EvaluationPlan plan, Evaluation.Claim claim) {
    }

    void run(UUID evaluationId) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Evaluation evaluation = evaluations.findById(evaluationId);
            return new Claimed(EvaluationPlan.of(evaluationId, evaluation.tenant(),
                    accounts.activeAccounts(evaluation.tenant())), evaluation.claim());
        });
        EvaluationPlan plan = claimed.plan();
        String tenantId = plan.tenant().tenantId();
        Log.infof("Evaluating tenant %s (%d accounts, evaluation %s)", tenantId, plan.accounts().size(),
                evaluationId);
        try {
            Instant now = clock.instant();
            DirectoryReading reading = directories.forKind(plan.directory())
                    .read(plan.tenant(), plan.refs(), now.minus(Duration.ofDays(plan.settings().drillIntervalDays())));
            List<AccountOutcome> outcomes = evaluate(plan, reading, now);
            TenantReadiness tenant = new TenantReadinessEvaluator().evaluate(new TenantContext(reading.tenant(),
                    plan.settings(), outcomes.stream().map(AccountOutcome::readiness).toList(), now,
                    EnforcementTimeline.bundled().phases(plan.tenant().cloud(), plan.settings().mfaEnforcement())));
            Instant completedAt = clock.instant();
            if (recorder.complete(plan, claimed.claim(), outcomes, ReadinessDocument.list(tenant.findings(), json),
                    ReadinessDocument.list(tenant.dataGaps(), json), reading.requests(), completedAt)) {
                metrics.completed(tenantId, completedAt);
                Log.infof("Evaluation %s of tenant %s completed", evaluationId, tenantId);
            }
        } catch (DirectoryUnavailableException e) {
            Log.warnf("Evaluation %s of tenant %s failed: %s", evaluationId, tenantId, e.getMessage());
            fail(claimed, "The directory could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            Log.errorf(e, "Evaluation %s of tenant %s failed unexpectedly (error id %s)", evaluationId, tenantId,
                    errorId);
            fail(claimed, "The evaluation failed unexpectedly; quote error id " + errorId + " to your operator.");
        } finally {
            metrics.refreshAfterRun(tenantId);
        }
    }

    private List<AccountOutcome> evaluate(EvaluationPlan plan, DirectoryReading reading, Instant now) {
        AccountReadinessEvaluator evaluator = new AccountReadinessEvaluator();
        List<AccountOutcome> outcomes = new ArrayList<>();
        List<InventoryFacts> inventoryFacts = inventory.of(plan.accounts(), reading.tenant().signIns(),
                reading.tenant().signInsSince(), now);
        for (int i = 0; i < plan.accounts().size(); i++) {
            EvaluationPlan.Account account = plan.accounts().get(i);
            AccountFacts facts = reading.accounts().get(i);
            InventoryFacts known = inventoryFacts.get(i);
            AccountReadiness readiness = evaluator
                    .evaluate(new AccountContext(facts, reading.tenant(), plan.settings(), known, aaguids, now));
            outcomes.add(new AccountOutcome(account, facts, known, readiness,
                    ReadinessDocument.of(account, facts, readiness, now, json)));
        }
        return outcomes;
    }

    private void fail(Claimed claimed, String error) {
        recorder.fail(claimed.plan().evaluationId(), claimed.claim(), error, null, clock.instant());
        metrics.failed(claimed.plan().tenant().tenantId());
    }
}
