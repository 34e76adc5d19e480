package io.glasswarden.drills;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.tenants.DirectoryKind;
import io.quarkus.logging.Log;

/**
 * Reads one account's sign-in logs for drill verification. Never throws: an unreachable directory is a transient gap
 * (the drill stays PENDING), a missing licence or permission a permanent one (UNVERIFIABLE).
 */
@ApplicationScoped
class SignInLogs {

    private final Directory directory;

    SignInLogs(Directory directory) {
        this.directory = directory;
    }

    /** What to read, detached from the persistence context so that no transaction spans the directory call. */
    record Target(DirectoryTenant tenant, boolean live, String objectId) {
        static Target of(EmergencyAccount account) {
            return new Target(new DirectoryTenant(account.tenant().tenantId(), account.tenant().cloud().wireValue()),
                    account.tenant().directory() == DirectoryKind.GRAPH, account.objectId());
        }

        /** Whether there are live logs to read: a Graph tenant and an account with an object id. */
        boolean readable() {
            return live && objectId != null;
        }
    }

    Fact<List<SignIn>> of(Target target, Instant since) {
        if (!target.readable()) {
            return Fact.unknown(DataGap.of("sign-in logs", UnknownReason.NOT_FOUND,
                    "no live sign-in logs for this account"));
        }
        try {
            return directory.readSignIns(target.tenant(), List.of(target.objectId()), since).fact();
        } catch (DirectoryUnavailableException e) {
            Log.debugf("Sign-in logs of tenant %s unavailable: %s", target.tenant().tenantId(), e.getMessage());
            return Fact.unknown(DataGap.of("sign-in logs", e.reason(), e.getMessage()));
        }
    }
}
