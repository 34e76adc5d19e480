package io.glasswarden.accounts;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Caller;
import io.glasswarden.tenants.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Emergency accounts, always looked up within their tenant. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<EmergencyAccount, UUID> {

    Optional<EmergencyAccount> findInTenant(Tenant tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    Optional<EmergencyAccount> findActiveByObjectId(Tenant tenant, String objectId) {
        return find("tenant = ?1 and objectId = ?2 and lifecycleState = ?3", tenant, objectId, LifecycleState.ACTIVE)
                .firstResultOptional();
    }

    Optional<EmergencyAccount> findActiveByUpn(Tenant tenant, String upn) {
        return find("tenant = ?1 and lower(userPrincipalName) = ?2 and lifecycleState = ?3", tenant,
                upn.toLowerCase(Locale.ROOT), LifecycleState.ACTIVE).firstResultOptional();
    }

    public List<EmergencyAccount> activeInTenant(Tenant tenant) {
        return list("tenant = ?1 and lifecycleState = ?2", Sort.by("createdAt").and("id"), tenant,
                LifecycleState.ACTIVE);
    }

    /** How many of the tenant's accounts (any lifecycle state) list this custodian key (e-mail or entra:tid/oid). */
    long countOfCustodian(Tenant tenant, String custodianKey) {
        if (custodianKey.startsWith(Caller.ENTRA_KEY_PREFIX)) {
            return count("tenant = ?1 and array_contains(custodianEntraIds, ?2)", tenant,
                    custodianKey.substring(Caller.ENTRA_KEY_PREFIX.length()));
        }
        return count("tenant = ?1 and array_contains(custodianEmails, ?2)", tenant, custodianKey);
    }

    /**
     * One page of a tenant's accounts; {@code custodianEmail} (a custodian key: e-mail, or {@code entra:<tid>/<oid>})
     * limits it to the accounts of that custodian.
     */
    Page<EmergencyAccount> page(Tenant tenant, AccountFilter filter, String custodianEmail, PageRequest request) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        if (filter.lifecycleState() != null) {
            where.append(" and lifecycleState = :state");
            params.put("state", filter.lifecycleState());
        }
        if (filter.status() != null) {
            where.append(" and readinessStatus = :status");
            params.put("status", filter.status());
        }
        if (custodianEmail != null && custodianEmail.startsWith(Caller.ENTRA_KEY_PREFIX)) {
            where.append(" and array_contains(custodianEntraIds, :entraId)");
            params.put("entraId", custodianEmail.substring(Caller.ENTRA_KEY_PREFIX.length()));
        } else if (custodianEmail != null) {
            where.append(" and array_contains(custodianEmails, :email)");
            params.put("email", custodianEmail);
        }
        PanacheQuery<EmergencyAccount> query = find(where.toString(), Sort.by("createdAt").and("id"), params);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }
}
