package io.glasswarden.drills;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.tenants.Tenant;

/** The drill schedule of each active account of a tenant or a fleet (must be called within a transaction). */
@ApplicationScoped
public class DrillCalendar {

    private final AccountService accounts;
    private final DrillRepository drills;

    DrillCalendar(AccountService accounts, DrillRepository drills) {
        this.accounts = accounts;
        this.drills = drills;
    }

    /** Records a custody change (removed or replaced custodian) in the changing transaction: a drill is due now. */
    void onCustodyChanged(@jakarta.enterprise.event.Observes io.glasswarden.accounts.CustodyChanged event) {
        drills.getEntityManager()
                .createNativeQuery("insert into custody_changes (account_ref, changed_at, removed) values (?1, ?2, ?3)")
                .setParameter(1, event.accountId())
                .setParameter(2, event.changedAt())
                .setParameter(3, String.join(",", event.removed()))
                .executeUpdate();
    }

    /** The latest custody change of each active account of these tenants. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Instant> custodyChanges(Collection<Tenant> tenants) {
        Map<UUID, Instant> result = new HashMap<>();
        if (tenants.isEmpty()) {
            return result;
        }
        List<Object[]> rows = drills.getEntityManager()
                .createNativeQuery("select c.account_ref, max(c.changed_at) from custody_changes c"
                        + " join accounts a on a.id = c.account_ref"
                        + " where a.tenant_ref in (?1) and a.lifecycle_state = 'ACTIVE' group by c.account_ref")
                .setParameter(1, tenants.stream().map(Tenant::id).toList())
                .getResultList();
        for (Object[] row : rows) {
            Object at = row[1];
            result.put((UUID) row[0], at instanceof Instant i
                    ? i
                    : at instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) at).toInstant());
        }
        return result;
    }

    /** The drill schedule of each active account of the tenant. */
    public Map<EmergencyAccount, DrillSchedule> of(Tenant tenant) {
        return of(List.of(tenant)).getOrDefault(tenant.id(), Map.of());
    }

    /**
     * The drill schedule of each active account of these tenants, by tenant (its id) and then account in creation
     * order; three queries however many tenants (the fleet views and {@code GET /api/v1/drills} across tenants).
     */
    public Map<UUID, Map<EmergencyAccount, DrillSchedule>> of(List<Tenant> tenants) {
        Map<UUID, Tenant> byId = new HashMap<>();
        tenants.forEach(t -> byId.put(t.id(), t));
        Map<UUID, Instant> starts = drills.lastCycleStarts(byId.values());
        Map<UUID, Instant> changes = custodyChanges(byId.values());
        Map<UUID, Map<EmergencyAccount, DrillSchedule>> result = new LinkedHashMap<>();
        tenants.forEach(t -> result.put(t.id(), new LinkedHashMap<>()));
        for (EmergencyAccount account : accounts.activeAccounts(byId.values())) {
            UUID tenantId = account.tenant().id();
            Instant start = starts.getOrDefault(account.id(), account.createdAt());
            DrillSchedule schedule = DrillSchedule.of(start, byId.get(tenantId).settings().drillIntervalDays());
            Instant changed = changes.get(account.id());
            if (changed != null && changed.isAfter(start) && DrillSchedule.day(changed).isBefore(schedule.dueDate())) {
                // custody changed since the last drill: a drill is due now (issue 11)
                schedule = new DrillSchedule(start, DrillSchedule.day(changed));
            }
            result.get(tenantId).put(account, schedule);
        }
        return result;
    }
}
