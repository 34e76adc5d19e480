package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.core.StoredJson;
import io.glasswarden.readiness.AccountReadiness;
import io.quarkus.logging.Log;

/** Stores the outcome of a run in one transaction: per-account rows, latest readiness, alerts, the summary. */
@ApplicationScoped
class EvaluationRecorder {

    private final EvaluationRepository evaluations;
    private final AccountService accounts;
    private final MethodAlerts alerts;
    private final String publicUrl;

    EvaluationRecorder(EvaluationRepository evaluations, AccountService accounts, MethodAlerts alerts,
            @ConfigProperty(name = "glasswarden.public-url") String publicUrl) {
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.alerts = alerts;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Records a completed run; false when the evaluation is no longer this run's to complete (another instance took
     * it over after running-timeout, and that run's claim is the one that counts).
     */
    @Transactional
    boolean complete(EvaluationPlan plan, Evaluation.Claim claim, List<AccountOutcome> outcomes,
            List<Map<String, Object>> tenantFindings, List<Map<String, Object>> dataGaps, int requests, Instant now) {
        Evaluation evaluation = evaluations.findById(plan.evaluationId());
        if (evaluation == null || !evaluation.runningUnder(claim)) {
            Log.warnf("Evaluation %s was taken over while running; its results are discarded", plan.evaluationId());
            return false;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            AccountOutcome o = outcomes.get(i);
            String status = o.readiness().status().name();
            StoredJson document = StoredJson.of(o.document());
            new AccountEvaluation(plan.evaluationId(), o.account().id(), i, status, now, document, o.methodIds())
                    .persist();
            accounts.recordReadiness(o.account().id(), status, document);
            if (o.facts().methods().isKnown()) {
                alerts.alertNewMethods(plan, o.account(), o.facts().methods().value(), o.inventory(), publicUrl, now);
            }
        }
        List<AccountReadiness> readiness = outcomes.stream().map(AccountOutcome::readiness).toList();
        evaluation.complete(EvaluationSummary.of(readiness), tenantFindings, dataGaps, requests, now);
        return true;
    }

    /** Records a failed run, unless the evaluation is no longer this run's (as for {@link #complete}). */
    @Transactional
    void fail(UUID evaluationId, Evaluation.Claim claim, String error, Integer requests, Instant now) {
        Evaluation evaluation = evaluations.findById(evaluationId);
        if (evaluation != null && evaluation.runningUnder(claim)) {
            evaluation.fail(error, requests, now);
        } else {
            Log.warnf("Evaluation %s was taken over while running; its failure is not recorded", evaluationId);
        }
    }
}
