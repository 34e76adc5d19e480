package io.glasswarden.tenants;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.ETag;
import io.glasswarden.core.Guids;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.MergePatcher;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.security.Caller;

/** Creates, changes and retires tenants; owns the transactions of the tenants feature. */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;
    private final MergePatcher patcher;
    private final Clock clock;
    private final Ledger ledger;
    private final Caller caller;
    // Observed after commit by the scheduler, which keeps each tenant's evaluation trigger in sync.
    @Inject
    Event<TenantChanged> changed;

    TenantService(TenantRepository tenants, MergePatcher patcher, Clock clock, Ledger ledger, Caller caller) {
        this.tenants = tenants;
        this.patcher = patcher;
        this.clock = clock;
        this.ledger = ledger;
        this.caller = caller;
    }

    @Transactional
    public Tenant create(TenantRequest request) {
        String tenantId = Guids.normalize(request.tenantId());
        tenants.findByTenantId(tenantId).ifPresent(existing -> {
            throw new ConflictException("Tenant " + tenantId + " already exists"
                    + (existing.isActive() ? "." : " (retired)."));
        });
        TenantChanges changes = request.changes();
        checkSettings(changes.settings());
        Tenant tenant = new Tenant(tenantId, changes, clock.instant());
        tenants.persist(tenant);
        record("TENANT_CREATED", tenant);
        return tenant;
    }

    /** The tenant with this Entra tenant id, active or retired; 404 when unknown. */
    public Tenant require(String tenantId) {
        if (!Guids.isGuid(tenantId)) {
            throw new ResourceNotFoundException("tenant", tenantId);
        }
        return tenants.findByTenantId(Guids.normalize(tenantId))
                .orElseThrow(() -> new ResourceNotFoundException("tenant", tenantId));
    }

    public Page<Tenant> list(LifecycleState state, PageRequest page) {
        return tenants.page(state, page);
    }

    @Transactional
    public Tenant patch(String tenantId, JsonNode patch, String ifMatch) {
        Tenant tenant = require(tenantId);
        ETag.requireMatch(ifMatch, tenant.version());
        TenantChanges changes = patcher.apply(TenantChanges.of(tenant), patch, TenantChanges.class);
        checkSettings(changes.settings());
        tenant.apply(changes, clock.instant());
        tenants.flush();
        record("TENANT_UPDATED", tenant);
        return tenant;
    }

    @Transactional
    public Tenant retire(String tenantId, String ifMatch) {
        Tenant tenant = require(tenantId);
        ETag.requireMatch(ifMatch, tenant.version());
        tenant.retire(clock.instant());
        tenants.flush();
        record("TENANT_RETIRED", tenant);
        return tenant;
    }

    /** Appends the tenant's new state to the ledger, in the transaction of the change. */
    private void record(String type, Tenant tenant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("displayName", tenant.displayName());
        data.put("cloud", tenant.cloud());
        data.put("directory", tenant.directory());
        data.put("settings", tenant.settings());
        data.put("lifecycleState", tenant.lifecycleState());
        ledger.append(new LedgerEvent(type, tenant.tenantId(), tenant.tenantId(), caller.name(), data));
        changed.fire(new TenantChanged(tenant.tenantId()));
    }

    private static void checkSettings(TenantSettings settings) {
        TenantSettings effective = (settings == null ? TenantSettings.defaults() : settings).withDefaults();
        if (effective.reminderLeadDays() >= effective.drillIntervalDays()) {
            throw new InvalidInputException("settings.reminderLeadDays", "must be less than drillIntervalDays");
        }
    }
}
