package io.glasswarden.drills;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.tenants.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Drills by account. */
@ApplicationScoped
public class DrillRepository implements PanacheRepositoryBase<Drill, UUID> {

    List<Drill> ofAccount(UUID accountId) {
        return list("accountId", Sort.by("performedAt", Sort.Direction.Descending)
                .and("recordedAt",
                        Sort.Direction.Descending),
                accountId);
    }

    Page<Drill> page(UUID accountId, PageRequest request) {
        PanacheQuery<Drill> query = find("accountId", Sort.by("performedAt", Sort.Direction.Descending)
                .and(
                        "recordedAt", Sort.Direction.Descending),
                accountId);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }

    Optional<Drill> findInAccount(UUID accountId, UUID id) {
        return find("accountId = ?1 and id = ?2", accountId, id).firstResultOptional();
    }

    List<Drill> pendingOf(UUID accountId) {
        return list("accountId = ?1 and verification = ?2", accountId, DrillVerification.PENDING);
    }

    /**
     * The latest drill that starts a cycle (succeeded, not refuted), per active account of these tenants: one query
     * however many tenants (no list of account ids, which a large fleet would push past the driver's bind limit).
     */
    Map<UUID, Instant> lastCycleStarts(Collection<Tenant> tenants) {
        Map<UUID, Instant> result = new HashMap<>();
        if (tenants.isEmpty()) {
            return result;
        }
        getEntityManager().createQuery("select d.accountId, max(d.performedAt) from Drill d where d.accountId in"
                + " (select a.id from EmergencyAccount a where a.tenant in :tenants and a.lifecycleState = :active)"
                + " and d.outcome = :outcome and d.verification <> :refuted group by d.accountId", Object[].class)
                .setParameter("tenants", tenants)
                .setParameter("active", LifecycleState.ACTIVE)
                .setParameter("outcome", DrillOutcome.SUCCEEDED)
                .setParameter("refuted", DrillVerification.REFUTED)
                .getResultList()
                .forEach(row -> result.put((UUID) row[0], (Instant) row[1]));
        return result;
    }
}
