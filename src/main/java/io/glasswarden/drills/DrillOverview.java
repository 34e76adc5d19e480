package io.glasswarden.drills;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Caller;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;

/** Drill statuses across tenants ({@code GET /api/v1/drills}); custodians see their own accounts only. */
@ApplicationScoped
public class DrillOverview {

    private final AccountService accounts;
    private final TenantRepository tenantRepository;
    private final DrillCalendar calendar;
    private final Caller caller;
    private final Clock clock;

    DrillOverview(AccountService accounts, TenantRepository tenantRepository, DrillCalendar calendar, Caller caller,
            Clock clock) {
        this.accounts = accounts;
        this.tenantRepository = tenantRepository;
        this.calendar = calendar;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Page<DrillStatusView> list(String tenantId, DrillSchedule.Status status, PageRequest page) {
        List<DrillStatusView> all = views(tenantId, status);
        int from = Math.min(all.size(), page.page() * page.size());
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page.page(), page.size(), all.size());
    }

    /**
     * The soonest due date (overdue ones included) of each active tenant that has an account the caller sees, by
     * tenant id: the fleet page's "next drill", from the same schedules as {@link #list}, read once for all tenants.
     */
    @Transactional
    public Map<String, LocalDate> soonestDueByTenant() {
        Map<String, LocalDate> soonest = new HashMap<>();
        views(null, null).forEach(v -> soonest.merge(v.tenantId(), v.dueDate(), (x, y) -> x.isBefore(y) ? x : y));
        return soonest;
    }

    /** The drill status of every account in scope the caller sees, soonest due first. */
    private List<DrillStatusView> views(String tenantId, DrillSchedule.Status status) {
        List<Tenant> scope = tenantId == null
                ? tenantRepository.listAll().stream().filter(Tenant::isActive).toList()
                : List.of(accounts.requireVisibleTenant(tenantId));
        LocalDate today = LocalDate.now(clock);
        String custodian = caller.isCustodianOnly() ? caller.custodianKey().orElse("") : null;
        List<DrillStatusView> all = new ArrayList<>();
        Map<UUID, Map<EmergencyAccount, DrillSchedule>> schedules = calendar.of(scope);
        for (Tenant tenant : scope) {
            schedules.get(tenant.id()).forEach((account, schedule) -> {
                DrillSchedule.Status current = schedule.statusOn(today);
                if ((status == null || status == current) && (custodian == null || account.hasCustodian(custodian))) {
                    all.add(new DrillStatusView(tenant.tenantId(), account.id(), account.userPrincipalName(), account
                            .displayName(), current, schedule.dueDate(), schedule.cycleStart(),
                            schedule.daysOverdue(today)));
                }
            });
        }
        all.sort(Comparator.comparing(DrillStatusView::dueDate).thenComparing(v -> v.accountId().toString()));
        return all;
    }
}
