package io.glasswarden.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.ETag;
import io.glasswarden.core.FieldError;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.MergePatcher;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.core.StoredJson;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.security.Caller;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;

/**
 * Inventory of emergency accounts. Custodians see only the accounts they are custodian of; any other account answers
 * 404, exactly like an unknown id.
 */
@ApplicationScoped
public class AccountService {

    /** Readiness statuses an account can be filtered by (the statuses of the rule catalogue). */
    static final Set<String> READINESS_STATUSES = Set.of("READY", "AT_RISK", "NOT_READY", "UNKNOWN");

    private final AccountRepository accounts;
    private final TenantService tenants;
    private final MergePatcher patcher;
    private final Caller caller;
    private final Clock clock;
    private final Ledger ledger;
    private final jakarta.enterprise.event.Event<CustodyChanged> custodyChanged;

    AccountService(AccountRepository accounts, TenantService tenants, MergePatcher patcher, Caller caller,
            Clock clock, Ledger ledger, jakarta.enterprise.event.Event<CustodyChanged> custodyChanged) {
        this.custodyChanged = custodyChanged;
        this.accounts = accounts;
        this.tenants = tenants;
        this.patcher = patcher;
        this.caller = caller;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Transactional
    public EmergencyAccount create(String tenantId, AccountChanges changes) {
        Tenant tenant = tenants.require(tenantId);
        if (!tenant.isActive()) {
            throw new ConflictException("Tenant " + tenant.tenantId() + " is retired; it takes no new accounts.");
        }
        check(changes);
        requireUnique(tenant, changes, null);
        EmergencyAccount account = new EmergencyAccount(tenant, changes, clock.instant());
        accounts.persist(account);
        flushUnique(changes);
        record("ACCOUNT_CREATED", account);
        return account;
    }

    /** The account, if the caller may see it; 404 otherwise. */
    public EmergencyAccount require(String tenantId, String accountId) {
        Tenant tenant = visibleTenant(tenantId, "account", accountId);
        EmergencyAccount account = accounts.findInTenant(tenant, ResourceId.parse(accountId, "account"))
                .orElseThrow(() -> new ResourceNotFoundException("account", accountId));
        if (caller.isCustodianOnly() && !caller.custodianKey().map(account::hasCustodian).orElse(false)) {
            throw new ResourceNotFoundException("account", accountId);
        }
        return account;
    }

    public Page<EmergencyAccount> list(String tenantId, String status, io.glasswarden.core.LifecycleState state,
            PageRequest page) {
        Tenant tenant = requireVisibleTenant(tenantId);
        if (status != null && !READINESS_STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of READY, AT_RISK, NOT_READY, UNKNOWN");
        }
        String custodianEmail = caller.isCustodianOnly() ? caller.custodianKey().orElse("") : null;
        return accounts.page(tenant, new AccountFilter(status, state), custodianEmail, page);
    }

    /**
     * A custodian's own active accounts across all active tenants (the console's custodian home); empty for any
     * other caller, who sees tenants whole.
     */
    public List<EmergencyAccount> custodianAccounts() {
        if (!caller.isCustodianOnly()) {
            return List.of();
        }
        return accounts.activeOfCustodian(caller.custodianKey().orElse(""));
    }

    /**
     * The account, if the caller may see it (404 otherwise) and it may still change: an account of a retired tenant is
     * read-only like the tenant (409), whatever its own state.
     */
    public EmergencyAccount requireChangeable(String tenantId, String accountId) {
        EmergencyAccount account = require(tenantId, accountId);
        if (!account.tenant().isActive()) {
            throw new ConflictException("Tenant " + account.tenant().tenantId() + " is retired; its accounts are"
                    + " read-only.");
        }
        return account;
    }

    @Transactional
    public EmergencyAccount patch(String tenantId, String accountId, JsonNode patch, String ifMatch) {
        EmergencyAccount account = requireChangeable(tenantId, accountId);
        ETag.requireMatch(ifMatch, account.version());
        AccountChanges changes = patcher.apply(AccountChanges.of(account), patch, AccountChanges.class);
        check(changes);
        requireUnique(account.tenant(), changes, account.id());
        java.util.List<String> before = account.custodians()
                .stream()
                .map(c -> c.email().toLowerCase(java.util.Locale.ROOT))
                .toList();
        account.apply(changes, clock.instant());
        flushUnique(changes);
        record("ACCOUNT_UPDATED", account);
        java.util.Set<String> after = account.custodians()
                .stream()
                .map(c -> c.email().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        java.util.List<String> removed = before.stream().filter(e -> !after.contains(e)).toList();
        if (!removed.isEmpty()) {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("accountId", account.id().toString());
            data.put("removed", removed);
            data.put("remaining", account.custodians().stream().map(Custodian::email).toList());
            ledger.append(new LedgerEvent("CUSTODY_CHANGED", account.tenant().tenantId(), account.id().toString(),
                    caller.name(), data));
            custodyChanged.fire(new CustodyChanged(account.id(), account.tenant().tenantId(), removed,
                    List.copyOf(account.custodians()), clock.instant(), caller.name()));
        }
        return account;
    }

    @Transactional
    public EmergencyAccount retire(String tenantId, String accountId, String ifMatch) {
        EmergencyAccount account = requireChangeable(tenantId, accountId);
        ETag.requireMatch(ifMatch, account.version());
        account.retire(clock.instant());
        accounts.flush();
        record("ACCOUNT_RETIRED", account);
        return account;
    }

    /**
     * The tenant, if the caller may see it: for a custodian only a tenant where they keep an account (active or
     * retired). A tenant that does not exist and one the custodian keeps nothing in answer the same 404, so that
     * custodians cannot learn which tenants exist.
     */
    public Tenant requireVisibleTenant(String tenantId) {
        return visibleTenant(tenantId, "tenant", tenantId);
    }

    /** The tenant, or the same 404 (naming {@code what}) whether it is unknown or hidden from this custodian. */
    private Tenant visibleTenant(String tenantId, String what, String id) {
        if (!caller.isCustodianOnly()) {
            return tenants.require(tenantId);
        }
        try {
            Tenant tenant = tenants.require(tenantId);
            String custodian = caller.custodianKey().orElse("");
            if (accounts.countOfCustodian(tenant, custodian) == 0) {
                throw new ResourceNotFoundException(what, id);
            }
            return tenant;
        } catch (ResourceNotFoundException e) {
            throw new ResourceNotFoundException(what, id);
        }
    }

    /** The active accounts of a tenant, for evaluations and schedules (no caller filtering). */
    public List<EmergencyAccount> activeAccounts(Tenant tenant) {
        return accounts.activeInTenant(tenant);
    }

    /** The active accounts of these tenants, read in one query. */
    public List<EmergencyAccount> activeAccounts(Collection<Tenant> tenants) {
        return accounts.activeInTenants(tenants);
    }

    /** Stores an account's latest readiness (status and the readiness object of api.md). */
    @Transactional
    public void recordReadiness(UUID accountId, String status, StoredJson readiness) {
        accounts.findByIdOptional(accountId).ifPresent(account -> account.recordReadiness(status, readiness));
    }

    /** Appends the account's new inventory state to the ledger, in the transaction of the change. */
    private void record(String type, EmergencyAccount account) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("userPrincipalName", account.userPrincipalName());
        data.put("objectId", account.objectId());
        data.put("displayName", account.displayName());
        data.put("expectsCertificateAuth", account.expectsCertificateAuth());
        data.put("custodians", account.custodians());
        data.put("keys", account.keys());
        data.put("notes", account.notes());
        data.put("lifecycleState", account.lifecycleState());
        ledger.append(new LedgerEvent(type, account.tenant().tenantId(), account.id().toString(), caller.name(), data));
    }

    private static void check(AccountChanges changes) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(changes.userPrincipalName()) && isBlank(changes.objectId())) {
            errors.add(new FieldError("objectId", "give objectId or userPrincipalName (or both)"));
        }
        if (changes.custodians() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < changes.custodians().size(); i++) {
                String email = changes.custodians().get(i).email();
                if (email != null && !seen.add(email.trim().toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(new FieldError("custodians[" + i + "].email", "is listed twice"));
                }
                Custodian custodian = changes.custodians().get(i);
                if (custodian != null && (custodian.entraObjectId() == null) != (custodian.entraTenantId() == null)) {
                    errors.add(new FieldError("custodians[" + i + "]."
                            + (custodian.entraObjectId() == null ? "entraObjectId" : "entraTenantId"),
                            "give entraObjectId and entraTenantId together"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void requireUnique(Tenant tenant, AccountChanges changes, UUID self) {
        if (!isBlank(changes.objectId())) {
            accounts.findActiveByObjectId(tenant, changes.objectId().toLowerCase(java.util.Locale.ROOT))
                    .filter(other -> !other.id().equals(self))
                    .ifPresent(other -> {
                        throw new ConflictException("Object id " + changes.objectId() + " is already inventoried as"
                                + " account " + other.id() + ".");
                    });
        }
        if (!isBlank(changes.userPrincipalName())) {
            accounts.findActiveByUpn(tenant, changes.userPrincipalName().trim())
                    .filter(other -> !other.id().equals(self))
                    .ifPresent(other -> {
                        throw new ConflictException("User principal name " + changes.userPrincipalName()
                                + " is already inventoried as account " + other.id() + ".");
                    });
        }
    }

    /**
     * Writes the change now, not at commit. {@link #requireUnique} cannot see an account that another request is
     * creating at the same moment; the unique indexes can (the second insert waits for the first transaction and is
     * refused if it commits). Their refusal is the same 409 as the check's, and it comes before the ledger head is
     * locked.
     */
    private void flushUnique(AccountChanges changes) {
        try {
            accounts.flush();
        } catch (ConstraintViolationException e) {
            String constraint = e.getConstraintName();
            if ("accounts_active_object_id".equals(constraint)) {
                throw new ConflictException("Object id " + changes.objectId() + " is already inventoried (by a"
                        + " request at the same time).");
            }
            if ("accounts_active_upn".equals(constraint)) {
                throw new ConflictException("User principal name " + changes.userPrincipalName() + " is already"
                        + " inventoried (by a request at the same time).");
            }
            throw e;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
