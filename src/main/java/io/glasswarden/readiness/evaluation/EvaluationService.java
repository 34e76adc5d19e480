package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;

/**
 * Requests evaluations and reads their results. Evaluations never run on the caller's thread: a request queues one
 * (or returns the tenant's queued or running one) and {@link EvaluationWorker} runs it.
 */
@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final TenantService tenants;
    private final AccountService accounts;
    private final Event<EvaluationQueued> queued;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, TenantService tenants, AccountService accounts,
            Event<EvaluationQueued> queued, Clock clock) {
        this.evaluations = evaluations;
        this.tenants = tenants;
        this.accounts = accounts;
        this.queued = queued;
        this.clock = clock;
    }

    /** Whether a completed evaluation of the account saw this authentication method id (acknowledgements, BG-062). */
    @Transactional
    public boolean sawMethod(UUID accountId, String methodId) {
        return evaluations.sawMethod(accountId, methodId);
    }

    /** Whether an evaluation of the account reported this sign-in (acknowledgements, BG-042). */
    @Transactional
    public boolean sawSignIn(UUID accountId, String signInId) {
        return evaluations.sawSignIn(accountId, signInId);
    }

    /**
     * Queues an evaluation of the tenant, or returns the one already queued or running (at most one per tenant). For
     * the API and the scheduler; {@code requestedBy} is the caller's name or e.g. {@code scheduler}.
     */
    @Transactional
    public EvaluationView request(String tenantId, String requestedBy) {
        Tenant tenant = tenants.require(tenantId);
        if (!tenant.isActive()) {
            throw new ConflictException("Tenant " + tenant.tenantId() + " is retired; it is no longer evaluated.");
        }
        Evaluation evaluation = evaluations.findActive(tenant).orElseGet(() -> {
            evaluations.queueIfNoneActive(tenant, requestedBy, clock.instant());
            queued.fire(new EvaluationQueued(tenant.tenantId()));
            return evaluations.findActive(tenant).orElseThrow();
        });
        return EvaluationView.of(evaluation);
    }

    @Transactional
    public EvaluationView get(String id) {
        return EvaluationView.of(require(id));
    }

    /** The results of a completed evaluation; 409 while it is queued or running, or when it failed. */
    @Transactional
    public EvaluationResults results(String id) {
        Evaluation evaluation = require(id);
        if (evaluation.status() != EvaluationStatus.COMPLETED) {
            throw new ConflictException("Evaluation " + id + " is " + evaluation.status() + "; results exist only for"
                    + " a COMPLETED evaluation.");
        }
        return EvaluationResults.of(evaluation, evaluations.accountsOf(evaluation.id()));
    }

    /** The results of the tenant's latest completed evaluation; 404 before the first one. */
    @Transactional
    public EvaluationResults latest(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        Evaluation evaluation = evaluations.latestCompleted(tenant)
                .orElseThrow(() -> new ResourceNotFoundException("completed evaluation for tenant", tenantId));
        return EvaluationResults.of(evaluation, evaluations.accountsOf(evaluation.id()));
    }

    /**
     * The entity tag of a completed evaluation's results, or empty while it is not completed (or unknown): results
     * never change once stored, so the evaluation id is their version. {@code kind} tells representations apart.
     */
    @Transactional
    public Optional<String> resultsTag(String id, String kind) {
        UUID uuid = ResourceId.parse(id, "evaluation");
        return evaluations.statusOf(uuid).filter(s -> s == EvaluationStatus.COMPLETED).map(s -> tag(uuid, kind));
    }

    /** The entity tag of the tenant's latest results (its latest completed evaluation); 404 before the first one. */
    @Transactional
    public String latestTag(String tenantId, String kind) {
        Tenant tenant = tenants.require(tenantId);
        return evaluations.latestCompletedId(tenant)
                .map(id -> tag(id, kind))
                .orElseThrow(() -> new ResourceNotFoundException("completed evaluation for tenant", tenantId));
    }

    /** The results behind a tag of {@link #latestTag}, so that tag and body always belong together. */
    @Transactional
    public EvaluationResults resultsOfTag(String tag) {
        return results(tag.substring(1, tag.indexOf('.')));
    }

    private static String tag(UUID id, String kind) {
        return "\"" + id + "." + kind + "\"";
    }

    /** The results of the tenant's latest completed evaluation, if there is one (the tenant must exist). */
    @Transactional
    public java.util.Optional<EvaluationResults> latestIfAny(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        return evaluations.latestCompleted(tenant)
                .map(evaluation -> EvaluationResults.of(evaluation, evaluations.accountsOf(evaluation.id())));
    }

    /** An account's readiness over its evaluations, newest first (custodians: their own accounts only). */
    @Transactional
    public Page<ReadinessHistoryEntry> history(String tenantId, String accountId, PageRequest page) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        return evaluations.history(account.id(), page).map(ReadinessHistoryEntry::of);
    }

    private Evaluation require(String id) {
        return evaluations.findByIdOptional(ResourceId.parse(id, "evaluation"))
                .orElseThrow(() -> new ResourceNotFoundException("evaluation", id));
    }
}
