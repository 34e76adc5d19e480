package io.glasswarden.drills;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.tenants.Tenant;

/** The drill schedule of each active account of a tenant (must be called within a transaction). */
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

    /** The latest custody change of each account. */
    @SuppressWarnings("unchecked")
    private Map<java.util.UUID, Instant> custodyChanges(List<java.util.UUID> ids) {
        Map<java.util.UUID, Instant> result = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<Object[]> rows = drills.getEntityManager()
                .createNativeQuery("select account_ref, max(changed_at) from custody_changes where account_ref in (?1)"
                        + " group by account_ref")
                .setParameter(1, ids)
                .getResultList();
        for (Object[] row : rows) {
            Object at = row[1];
            result.put((java.util.UUID) row[0], at instanceof Instant i
                    ? i
                    : at instanceof java.time.OffsetDateTime o
                            ? o.toInstant()
                            : ((java.sql.Timestamp) at).toInstant());
        }
        return result;
    }

    public Map<EmergencyAccount, DrillSchedule> of(Tenant tenant) {
        List<EmergencyAccount> active = accounts.activeAccounts(tenant);
        Map<java.util.UUID, Instant> starts = drills.lastCycleStarts(active.stream()
                .map(EmergencyAccount::id)
                .toList());
        int interval = tenant.settings().drillIntervalDays();
        Map<EmergencyAccount, DrillSchedule> result = new LinkedHashMap<>();
        Map<java.util.UUID, Instant> changes = custodyChanges(active.stream().map(EmergencyAccount::id).toList());
        for (EmergencyAccount account : active) {
            Instant start = starts.getOrDefault(account.id(), account.createdAt());
            DrillSchedule schedule = DrillSchedule.of(start, interval);
            Instant changed = changes.get(account.id());
            if (changed != null && changed.isAfter(start) && DrillSchedule.day(changed).isBefore(schedule.dueDate())) {
                // custody changed since the last drill: a drill is due now (issue 11)
                schedule = new DrillSchedule(start, DrillSchedule.day(changed));
            }
            result.put(account, schedule);
        }
        return result;
    }
}
