package io.glasswarden.directory.snapshot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.ConnectionCheck;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.TenantFacts;
import io.glasswarden.directory.UnknownReason;
import io.smallrye.common.annotation.Identifier;

/**
 * The {@link Directory} of {@code snapshot} tenants: answers from the tenant's uploaded snapshot, sends no request.
 * A user the snapshot does not describe is unknown (reason {@code not-found}), never "absent": the export may simply
 * not have included it.
 */
@ApplicationScoped
@Identifier(SnapshotDirectory.NAME)
public class SnapshotDirectory implements Directory {

    /**
     * Its qualifier: the unqualified {@code Directory} is the live one (Graph), which sign-in watching and drill
     * verification use; tenants are routed to this adapter explicitly.
     */
    public static final String NAME = "snapshot";

    private final SnapshotStore store;

    SnapshotDirectory(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant signInsSince) {
        return read(load(tenant), accounts, signInsSince);
    }

    /** Reads a snapshot as a directory would: facts of the tenant and of each requested account, in order. */
    public static DirectoryReading read(SnapshotDocument snapshot, List<AccountRef> accounts, Instant signInsSince) {
        SnapshotDocument.Tenant t = snapshot.tenant();
        Set<String> wanted = accounts.stream()
                .map(ref -> find(snapshot, ref))
                .flatMap(Optional::stream)
                .map(u -> u.user().value() != null ? u.user().value().id() : u.objectId())
                .filter(Objects::nonNull)
                .map(String::toLowerCase)
                .collect(Collectors.toSet());
        Fact<List<SignIn>> signIns = t.signIns()
                .toFact()
                .map(list -> list.stream()
                        .filter(s -> s.userId() != null && wanted.contains(s.userId().toLowerCase()))
                        .filter(s -> signInsSince == null || s.createdDateTime() == null
                                || !s.createdDateTime().isBefore(signInsSince))
                        .toList());
        Instant since = t.signInsSince() != null && (signInsSince == null || t.signInsSince().isAfter(signInsSince))
                ? t.signInsSince()
                : signInsSince;
        TenantFacts tenantFacts = new TenantFacts(t.fido2Policy().toFact(), t.x509Policy().toFact(),
                t.trustedCertificateAuthorities().toFact(), t.conditionalAccessPolicies().toFact(),
                t.authenticationStrengths().toFact(), t.securityDefaultsEnabled().toFact(), signIns, since);
        List<AccountFacts> facts = accounts.stream()
                .map(ref -> find(snapshot, ref).map(u -> facts(ref, u)).orElseGet(() -> notInSnapshot(ref)))
                .toList();
        return new DirectoryReading(tenantFacts, facts, 0);
    }

    /** A snapshot tenant is never connected to: nothing to check, and no consent needed. */
    @Override
    public ConnectionCheck checkConnection(DirectoryTenant tenant) {
        return ConnectionCheck.notApplicable("not applicable: snapshot directory (the tenant is evaluated from its"
                + " uploaded snapshot; Glasswarden never calls Microsoft Graph for it)");
    }

    @Override
    public DirectoryResult<List<CandidateUser>> readGlobalAdministrators(DirectoryTenant tenant) {
        SnapshotDocument snapshot = load(tenant);
        if (snapshot.globalAdministrators() == null) {
            return new DirectoryResult<>(Fact.unknown(DataGap.of("Global Administrators", UnknownReason.NOT_FOUND,
                    "the snapshot does not list them")), 0);
        }
        Fact<List<CandidateUser>> candidates = snapshot.globalAdministrators()
                .toFact()
                .map(ids -> ids.stream()
                        .map(id -> find(snapshot, new AccountRef(id, null)))
                        .flatMap(Optional::stream)
                        .filter(u -> u.user().value() != null)
                        .map(u -> new CandidateUser(u.user().value(),
                                facts(new AccountRef(u.objectId(), u.userPrincipalName()), u)))
                        .toList());
        return new DirectoryResult<>(candidates, 0);
    }

    @Override
    public DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds,
            Instant since) {
        Set<String> ids = userIds.stream().map(String::toLowerCase).collect(Collectors.toSet());
        Fact<List<SignIn>> signIns = load(tenant).tenant()
                .signIns()
                .toFact()
                .map(list -> list.stream()
                        .filter(s -> s.userId() != null && ids.contains(s.userId().toLowerCase()))
                        .filter(s -> s.createdDateTime() == null || !s.createdDateTime().isBefore(since))
                        .toList());
        return new DirectoryResult<>(signIns, 0);
    }

    private SnapshotDocument load(DirectoryTenant tenant) {
        return store.find(tenant.tenantId())
                .map(DirectorySnapshot::document)
                .orElseThrow(() -> new DirectoryUnavailableException(UnknownReason.NOT_FOUND,
                        "No directory snapshot has been uploaded for tenant " + tenant.tenantId()
                                + " (PUT /api/v1/tenants/" + tenant.tenantId() + "/snapshot).",
                        null));
    }

    private static Optional<SnapshotDocument.User> find(SnapshotDocument snapshot, AccountRef ref) {
        if (ref.objectId() != null) {
            Optional<SnapshotDocument.User> byId = snapshot.users()
                    .stream()
                    .filter(u -> ref.objectId().equalsIgnoreCase(u.objectId())
                            || (u.user().value() != null && ref.objectId().equalsIgnoreCase(u.user().value().id())))
                    .findFirst();
            if (byId.isPresent() || ref.userPrincipalName() == null) {
                return byId;
            }
        }
        return snapshot.users()
                .stream()
                .filter(u -> ref.userPrincipalName().equalsIgnoreCase(u.userPrincipalName())
                        || (u.user().value() != null
                                && ref.userPrincipalName().equalsIgnoreCase(u.user().value().userPrincipalName())))
                .findFirst();
    }

    private static AccountFacts facts(AccountRef ref, SnapshotDocument.User u) {
        if (u.user().isNotFound()) {
            Fact<?> gone = Fact.unknown(notFound());
            return new AccountFacts(ref, Fact.known(Optional.empty()), cast(gone), cast(gone), cast(gone),
                    cast(gone), cast(gone), cast(gone));
        }
        return new AccountFacts(ref, u.userFact(), u.signInActivity().toFact(), u.methods().toFact(),
                u.transitiveGroupIds().toFact(), u.activeRoleAssignments().toFact(), u.activeRoleSchedules().toFact(),
                u.eligibleRoleSchedules().toFact(),
                u.groupRolesUnread() == null ? null : u.groupRolesUnread().toDataGap());
    }

    private static AccountFacts notInSnapshot(AccountRef ref) {
        Fact<?> gap = Fact.unknown(DataGap.of("the account", UnknownReason.NOT_FOUND,
                "the snapshot does not describe this account"));
        return new AccountFacts(ref, cast(gap), cast(gap), cast(gap), cast(gap), cast(gap), cast(gap), cast(gap));
    }

    private static DataGap notFound() {
        return DataGap.of("the account", UnknownReason.NOT_FOUND, "the account was not found in the directory");
    }

    @SuppressWarnings("unchecked")
    private static <T> Fact<T> cast(Fact<?> unknown) {
        return (Fact<T>) unknown;
    }
}
