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

    Page<Tenant> page(LifecycleState state, PageRequest request) {
        PanacheQuery<Tenant> query = state == null
                ? findAll(Sort.by("displayName").and("tenantId"))
                : find("lifecycleState", Sort.by("displayName").and("tenantId"), state);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }
}
