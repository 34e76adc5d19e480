package io.glasswarden.drills;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.security.Caller;

/** Records drills and reads them back; owns the transactions of the drills feature. */
@ApplicationScoped
public class DrillService {

    private final DrillRepository drills;
    private final AccountService accounts;
    private final Ledger ledger;
    private final Caller caller;
    private final DrillConfig config;
    private final Clock clock;

    DrillService(DrillRepository drills, AccountService accounts, Ledger ledger, Caller caller, DrillConfig config,
            Clock clock) {
        this.drills = drills;
        this.accounts = accounts;
        this.ledger = ledger;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    /** Stores the drill as PENDING and appends DRILL_RECORDED to the ledger, in one transaction. */
    @Transactional
    public DrillView record(String tenantId, String accountId, DrillRequest request) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        if (!account.isActive()) {
            throw new ConflictException("Account " + account.id() + " is retired; it takes no new drills.");
        }
        Instant now = clock.instant();
        if (request.performedAt().isAfter(now.plus(config.futureSkew()))) {
            throw new InvalidInputException("performedAt", "must not be in the future");
        }
        Drill drill = new Drill(account.id(), request, caller.name(), now);
        drills.persist(drill);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id().toString());
        data.put("performedAt", drill.performedAt().toString());
        data.put("performedBy", drill.performedBy());
        data.put("outcome", drill.outcome().name());
        data.put("credentialUsed", drill.credentialUsed());
        ledger.append(new LedgerEvent("DRILL_RECORDED", account.tenant().tenantId(), drill.id().toString(),
                caller.name(), data));
        return view(account, drill);
    }

    @Transactional
    public Page<DrillView> list(String tenantId, String accountId, PageRequest page) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        return drills.page(account.id(), page).map(d -> view(account, d));
    }

    /** The account's drills as the rules see them (for post-use reviews). */
    @Transactional
    public java.util.List<io.glasswarden.readiness.InventoryFacts.Drill> facts(java.util.UUID accountId) {
        return Drill.<Drill>list("accountId", accountId).stream().map(Drill::facts).toList();
    }

    @Transactional
    public DrillView get(String tenantId, String accountId, String drillId) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        return drills.findInAccount(account.id(), ResourceId.parse(drillId, "drill"))
                .map(d -> view(account, d))
                .orElseThrow(() -> new ResourceNotFoundException("drill", drillId));
    }

    private static DrillView view(EmergencyAccount account, Drill drill) {
        String used = drill.credentialUsed();
        boolean known = used != null && account.keys()
                .stream()
                .anyMatch(k -> used.equalsIgnoreCase(k.label()) || used.equalsIgnoreCase(k.serialNumber()));
        return DrillView.of(drill, account.tenant().tenantId(), known);
    }
}
