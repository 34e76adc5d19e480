package io.glasswarden.scheduling;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.glasswarden.attestations.AttestationRequests;
import io.glasswarden.drills.DrillReminders;
import io.glasswarden.notifications.OutboxDispatcher;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.signins.SignInWatch;
import io.quarkus.arc.Unremovable;

/**
 * The Quartz jobs. Each is small and idempotent (safe to run again after a crash: Quartz recovers it on another
 * instance) and delegates to a service that owns the logic and its transactions. No job runs concurrently with itself
 * across the cluster.
 */
final class Jobs {

    static final String TENANT_ID = "tenantId";

    private Jobs() {
    }

    /** Evaluates one tenant on its {@code evaluationCron}. */
    @DisallowConcurrentExecution
    @Dependent
    @Unremovable
    public static class Evaluation implements Job {
        @Inject
        EvaluationService evaluations;

        @Override
        @ActivateRequestContext
        public void execute(JobExecutionContext context) {
            evaluations.request(context.getMergedJobDataMap().getString(TENANT_ID), "scheduler");
        }
    }

    /** Drill reminders and escalations, attestation requests and mandatory MFA escalations. */
    @DisallowConcurrentExecution
    @Dependent
    @Unremovable
    public static class Sweep implements Job {
        @Inject
        DrillReminders drills;
        @Inject
        AttestationRequests attestations;
        @Inject
        io.glasswarden.enforcement.EnforcementEscalations enforcement;
        @Inject
        io.glasswarden.reviews.ReviewService reviews;

        @Override
        @ActivateRequestContext
        public void execute(JobExecutionContext context) {
            drills.sweep();
            attestations.sweep();
            enforcement.sweep();
            reviews.sweep();
        }
    }

    /** Polls the sign-in logs of every live tenant. */
    @DisallowConcurrentExecution
    @Dependent
    @Unremovable
    public static class SignInWatchRun implements Job {
        @Inject
        SignInWatch watch;

        @Override
        @ActivateRequestContext
        public void execute(JobExecutionContext context) {
            watch.pollAll();
        }
    }

    /** Dispatches due outbox messages. */
    @DisallowConcurrentExecution
    @Dependent
    @Unremovable
    public static class Outbox implements Job {
        @Inject
        OutboxDispatcher dispatcher;

        @Override
        @ActivateRequestContext
        public void execute(JobExecutionContext context) {
            dispatcher.dispatchDue();
        }
    }

    /** Brings tenant evaluation triggers in line with the tenants. */
    @DisallowConcurrentExecution
    @Dependent
    @Unremovable
    public static class Reconcile implements Job {
        @Inject
        TenantTriggers triggers;

        @Override
        @ActivateRequestContext
        public void execute(JobExecutionContext context) {
            triggers.reconcile();
        }
    }
}
