package io.glasswarden.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The port through which Glasswarden reads an Entra directory. Implementations never throw for data they cannot read:
 * they return {@link Fact.Unknown} with a {@link DataGap} (fail closed). They throw {@link DirectoryUnavailableException}
 * only when nothing at all can be read (e.g. no token can be obtained).
 */
public interface Directory {

    /**
     * Reads tenant-wide facts and the facts of each account; sign-ins from {@code signInsSince}, or from the oldest
     * the logs still hold when that is later ({@link TenantFacts#signInsSince()} says which).
     */
    DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant signInsSince);

    /** Users holding an active Global Administrator assignment (for emergency account candidates). */
    DirectoryResult<List<CandidateUser>> readGlobalAdministrators(DirectoryTenant tenant);

    /**
     * Sign-ins of the given users (object ids) created at or after {@code since} (clamped to the logs' retention),
     * oldest first.
     */
    DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds, Instant since);

    /**
     * Checks the connection to the tenant without reading any account: token, granted permissions, licences, consent
     * URL. Never throws for a refused token: the answer says why. Directories that connect to nothing answer "not
     * applicable".
     */
    default ConnectionCheck checkConnection(DirectoryTenant tenant) {
        return ConnectionCheck.notApplicable("not applicable: this directory does not connect to Microsoft Entra ID");
    }

    /**
     * Sign-ins to the given applications over the longest window the tenant's logs allow (at most {@code maxDays}),
     * and which users have an MFA-capable method (enforcement impact report). Directories that cannot read sign-in
     * logs say so as unknown facts.
     */
    default DirectoryResult<EnforcementSignIns> readEnforcementSignIns(DirectoryTenant tenant,
            java.util.Set<String> appIds, int maxDays, Instant now) {
        DataGap gap = DataGap.of("sign-in logs", UnknownReason.GRAPH_ERROR,
                "this directory holds no sign-in logs (uploaded snapshot)");
        return new DirectoryResult<>(Fact.known(new EnforcementSignIns(Fact.unknown(gap), now, Fact.unknown(gap),
                Fact.unknown(gap))), 0);
    }
}
