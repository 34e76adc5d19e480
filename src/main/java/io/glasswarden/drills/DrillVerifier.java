package io.glasswarden.drills;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountRepository;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.readiness.DrillRecords;
import io.glasswarden.readiness.DrillSignInMatcher;
import io.glasswarden.readiness.DrillSignInMatcher.Settlement;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Settles PENDING drills against sign-in logs (api.md "Drills"), when a drill is recorded and at each evaluation, with
 * the ±2 h rule of {@link DrillSignInMatcher}. Each change is appended to the ledger in the same transaction.
 */
@ApplicationScoped
public class DrillVerifier implements DrillRecords {

    private final DrillRepository drills;
    private final AccountRepository accounts;
    private final SignInLogs logs;
    private final Ledger ledger;
    private final Clock clock;

    DrillVerifier(DrillRepository drills, AccountRepository accounts, SignInLogs logs, Ledger ledger, Clock clock) {
        this.drills = drills;
        this.accounts = accounts;
        this.logs = logs;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<InventoryFacts.Drill> settleAndList(UUID accountId, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now) {
        EmergencyAccount account = accounts.findById(accountId);
        if (account != null && account.objectId() != null) {
            for (Drill drill : drills.pendingOf(accountId)) {
                apply(account, drill,
                        DrillSignInMatcher.settle(drill.facts(), account.objectId(), signIns, signInsSince,
                                now),
                        now);
            }
        }
        return drills.ofAccount(accountId).stream().map(Drill::facts).toList();
    }

    /**
     * Reads the account's logs around the drill (outside any transaction) and settles it if they allow; true if the
     * drill changed. A drill of an account without live sign-in logs (an offline tenant, no object id) stays PENDING
     * until an evaluation brings logs, so nothing is read or written for it here.
     */
    boolean verifyNow(UUID drillId) {
        record Pending(SignInLogs.Target target, Instant since) {
        }
        Pending pending = QuarkusTransaction.requiringNew().call(() -> {
            Drill drill = drills.findById(drillId);
            if (drill == null || drill.verification() != InventoryFacts.DrillVerification.PENDING) {
                return null;
            }
            return new Pending(SignInLogs.Target.of(accounts.findById(drill.accountId())), drill.performedAt()
                    .minus(DrillSignInMatcher.MATCH_WINDOW));
        });
        if (pending == null || !pending.target().readable()) {
            return false;
        }
        Fact<List<SignIn>> signIns = logs.of(pending.target(), pending.since());
        return QuarkusTransaction.requiringNew().call(() -> {
            Drill drill = drills.findById(drillId);
            EmergencyAccount account = accounts.findById(drill.accountId());
            Instant now = clock.instant();
            return account.objectId() != null && apply(account, drill, DrillSignInMatcher.settle(drill.facts(),
                    account.objectId(), signIns, pending.since(), now), now);
        });
    }

    /** Settles the drill and records the change in the ledger; false if nothing changed. */
    private boolean apply(EmergencyAccount account, Drill drill, Settlement settlement, Instant now) {
        InventoryFacts.DrillVerification before = drill.verification();
        if (!drill.settle(settlement.verification(), settlement.signInId(), settlement.reason(), now)) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id().toString());
        data.put("from", before.name());
        data.put("to", drill.verification().name());
        data.put("matchedSignInId", drill.matchedSignInId());
        if (drill.verificationReason() != null) {
            data.put("reason", drill.verificationReason());
        }
        ledger.append(new LedgerEvent("DRILL_VERIFICATION_CHANGED", account.tenant().tenantId(), drill.id()
                .toString(), Caller.SYSTEM, data));
        return true;
    }
}
