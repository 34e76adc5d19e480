package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.tenants.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Evaluations and their per-account rows. The queue is the table itself, safe for several instances. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    private static final List<EvaluationStatus> ACTIVE = List.of(EvaluationStatus.QUEUED, EvaluationStatus.RUNNING);

    Optional<Evaluation> findActive(Tenant tenant) {
        return find("tenant = ?1 and status in ?2", tenant, ACTIVE).firstResultOptional();
    }

    /**
     * Queues an evaluation unless the tenant has one queued or running; the partial unique index decides between
     * concurrent requests (from any instance), so exactly one row wins.
     */
    void queueIfNoneActive(Tenant tenant, String requestedBy, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into evaluations (id, tenant_ref, status, requested_at, requested_by, attempts)
                values (?1, ?2, 'QUEUED', ?3, ?4, 0)
                on conflict (tenant_ref) where status in ('QUEUED', 'RUNNING') do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, tenant.id())
                .setParameter(3, now)
                .setParameter(4, requestedBy)
                .executeUpdate();
    }

    /**
     * The oldest queued evaluations, at most {@code limit}, locked for this transaction; rows locked by other instances
     * are skipped.
     */
    List<UUID> lockNextQueued(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select id from evaluations where status = 'QUEUED'
                order by requested_at limit ?1 for update skip locked""", UUID.class)
                .setParameter(1, limit)
                .getResultList();
        return ids;
    }

    /** Running evaluations started before {@code startedBefore} (their instance probably stopped), locked. */
    List<Evaluation> lockStale(Instant startedBefore) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select id from evaluations where status = 'RUNNING' and started_at < ?1
                for update skip locked""", UUID.class).setParameter(1, startedBefore).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Running evaluations claimed by {@code instance}, locked; rows being recorded right now are skipped. */
    List<Evaluation> lockRunningClaimedBy(String instance) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select id from evaluations where status = 'RUNNING' and claimed_by = ?1
                for update skip locked""", UUID.class).setParameter(1, instance).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Requeues a stale evaluation (native: the entity would keep its RUNNING start time otherwise). */
    void requeue(UUID id) {
        getEntityManager().createNativeQuery("""
                update evaluations set status = 'QUEUED', started_at = null, claimed_by = null where id = ?1""")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** The id of the tenant's latest completed evaluation, without loading its results. */
    Optional<UUID> latestCompletedId(Tenant tenant) {
        return getEntityManager().createQuery("select e.id from Evaluation e where e.tenant = ?1 and e.status = ?2"
                + " order by e.completedAt desc", UUID.class)
                .setParameter(1, tenant)
                .setParameter(2, EvaluationStatus.COMPLETED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The status of an evaluation, without loading its results. */
    Optional<EvaluationStatus> statusOf(UUID id) {
        return getEntityManager().createQuery("select e.status from Evaluation e where e.id = ?1",
                EvaluationStatus.class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst();
    }

    Optional<Evaluation> latestCompleted(Tenant tenant) {
        return find("tenant = ?1 and status = ?2", Sort.descending("completedAt"), tenant, EvaluationStatus.COMPLETED)
                .firstResultOptional();
    }

    List<AccountEvaluation> accountsOf(UUID evaluationId) {
        return AccountEvaluation.list("evaluationId", Sort.by("position"), evaluationId);
    }

    /** Method ids of the account at its latest completed evaluation whose methods were read; null when none. */
    @SuppressWarnings("unchecked")
    Set<String> previousMethodIds(UUID accountId) {
        // the ids only: the row's readiness document is some 18 KB
        List<?> previous = getEntityManager().createQuery("""
                select a.methodIds from AccountEvaluation a where a.accountId = ?1 and a.methodIds is not null
                and a.evaluationId in (select e.id from Evaluation e where e.status = ?2)
                order by a.evaluatedAt desc""")
                .setParameter(1, accountId)
                .setParameter(2, EvaluationStatus.COMPLETED)
                .setMaxResults(1)
                .getResultList();
        return previous.isEmpty() ? null : new HashSet<>((List<String>) previous.get(0));
    }

    /** Whether a completed evaluation of the account saw this method id (BG-062 compares these sets). */
    boolean sawMethod(UUID accountId, String methodId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                select exists (select 1 from account_evaluations a join evaluations e on e.id = a.evaluation_id
                where a.account_id = ?1 and e.status = 'COMPLETED' and a.method_ids @> jsonb_build_array(?2))""")
                .setParameter(1, accountId)
                .setParameter(2, methodId)
                .getSingleResult();
    }

    /** Whether an evaluation of the account listed this sign-in as unaccounted for (BG-042's evidence). */
    boolean sawSignIn(UUID accountId, String signInId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                select exists (select 1 from account_evaluations a where a.account_id = ?1 and jsonb_path_exists(
                a.readiness, '$.findings[*].evidence.unaccountedSignIns[*] ? (@.id == $id)',
                jsonb_build_object('id', cast(?2 as text))))""")
                .setParameter(1, accountId)
                .setParameter(2, signInId)
                .getSingleResult();
    }

    Page<AccountEvaluation> history(UUID accountId, PageRequest request) {
        PanacheQuery<AccountEvaluation> query = AccountEvaluation.find("accountId", Sort.descending("evaluatedAt"),
                accountId);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }

    boolean alreadyAlerted(UUID accountId, String methodId) {
        return ((Number) getEntityManager()
                .createNativeQuery("select count(*) from method_alerts where account_id = ?1 and method_id = ?2")
                .setParameter(1, accountId)
                .setParameter(2, methodId)
                .getSingleResult()).longValue() > 0;
    }

    void recordAlert(UUID accountId, String methodId, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into method_alerts (account_id, method_id, alerted_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, accountId)
                .setParameter(2, methodId)
                .setParameter(3, now)
                .executeUpdate();
    }
}
