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

    public Map<EmergencyAccount, DrillSchedule> of(Tenant tenant) {
        List<EmergencyAccount> active = accounts.activeAccounts(tenant);
        Map<java.util.UUID, Instant> starts = drills.lastCycleStarts(active.stream()
                .map(EmergencyAccount::id)
                .toList());
        int interval = tenant.settings().drillIntervalDays();
        Map<EmergencyAccount, DrillSchedule> result = new LinkedHashMap<>();
        for (EmergencyAccount account : active) {
            Instant start = starts.getOrDefault(account.id(), account.createdAt());
            result.put(account, DrillSchedule.of(start, interval));
        }
        return result;
    }
}
