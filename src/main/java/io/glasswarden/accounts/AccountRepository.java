package io.glasswarden.accounts;

import java.util.Collection;
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

    /** The active accounts of these tenants, in one query (ordered as {@link #activeInTenant} orders a tenant's). */
    public List<EmergencyAccount> activeInTenants(Collection<Tenant> tenants) {
        return tenants.isEmpty()
                ? List.of()
                : list("tenant in ?1 and lifecycleState = ?2", Sort.by("createdAt").and("id"), tenants,
                        LifecycleState.ACTIVE);
    }

    /** How many of the tenant's accounts (any lifecycle state) list this custodian key (e-mail or entra:tid/oid). */
    long countOfCustodian(Tenant tenant, String custodianKey) {
        return count("tenant = ?1 and " + custodianCondition(custodianKey, "?2"), tenant, custodianValue(
                custodianKey));
    }

    /** The active accounts of active tenants that list this custodian key, by tenant and creation. */
    List<EmergencyAccount> activeOfCustodian(String custodianKey) {
        return list("lifecycleState = ?1 and tenant.lifecycleState = ?1 and " + custodianCondition(custodianKey,
                "?2"), Sort.by("tenant.displayName").and("createdAt").and("id"), LifecycleState.ACTIVE,
                custodianValue(custodianKey));
    }

    /** The condition that an account lists a custodian key: its Entra ids for "entra:tid/oid", else its e-mails. */
    private static String custodianCondition(String custodianKey, String parameter) {
        return custodianKey.startsWith(Caller.ENTRA_KEY_PREFIX)
                ? "array_contains(custodianEntraIds, " + parameter + ")"
                : "array_contains(custodianEmails, " + parameter + ")";
    }

    private static String custodianValue(String custodianKey) {
        return custodianKey.startsWith(Caller.ENTRA_KEY_PREFIX)
                ? custodianKey.substring(Caller.ENTRA_KEY_PREFIX.length())
                : custodianKey;
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
        if (custodianEmail != null) {
            where.append(" and ").append(custodianCondition(custodianEmail, ":custodian"));
            params.put("custodian", custodianValue(custodianEmail));
        }
        PanacheQuery<EmergencyAccount> query = find(where.toString(), Sort.by("createdAt").and("id"), params);
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }
}
