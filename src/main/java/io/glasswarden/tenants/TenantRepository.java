package io.glasswarden.tenants;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Tenants by Entra tenant id. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

    public Optional<Tenant> findByTenantId(String tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }

    /**
     * Records why the tenant's evaluation schedule cannot be used as set ({@code null}: it is in force). Writes only
     * when the value changes, without touching the tenant's version (it is the scheduler's state, not a change).
     */
    public void recordScheduleProblem(String tenantId, String problem) {
        if (problem == null) {
            getEntityManager().createNativeQuery("update tenants set schedule_problem = null where tenant_id = ?1"
                    + " and schedule_problem is not null").setParameter(1, tenantId).executeUpdate();
        } else {
            getEntityManager().createNativeQuery("update tenants set schedule_problem = ?1 where tenant_id = ?2"
                    + " and (schedule_problem is null or schedule_problem <> ?1)")
                    .setParameter(1, problem)
                    .setParameter(2, tenantId)
                    .executeUpdate();
        }
    }

    /** How many active tenants have an evaluation schedule that is not in force as set. */
    public long countScheduleProblems() {
        return count("lifecycleState = ?1 and scheduleProblem is not null", LifecycleState.ACTIVE);
    }

    Page<Tenant> page(LifecycleState state, PageRequest request) {
        PanacheQuery<Tenant> query = state == null
                ? findAll(Sort.by("displayName").and("tenantId"))
                : find("lifecycleState", Sort.by("displayName").and("tenantId"), state);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }
}
