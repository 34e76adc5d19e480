package io.glasswarden.directory.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.TenantFacts;

/**
 * Turns what a live directory returned into a snapshot, so that a connected instance can produce what an offline
 * instance audits. Unreadable facts keep their gap.
 */
public final class SnapshotCapture {

    private SnapshotCapture() {
    }

    public static SnapshotDocument capture(String tenantId, Instant capturedAt, DirectoryReading reading,
            Fact<List<CandidateUser>> globalAdministrators) {
        Map<String, SnapshotDocument.User> users = new LinkedHashMap<>();
        for (AccountFacts facts : reading.accounts()) {
            SnapshotDocument.User user = user(facts);
            users.putIfAbsent(key(user), user);
        }
        if (globalAdministrators.isKnown()) {
            for (CandidateUser candidate : globalAdministrators.value()) {
                SnapshotDocument.User user = user(candidate.facts());
                users.putIfAbsent(key(user), user);
            }
        }
        SnapshotFact<List<String>> admins = SnapshotFact
                .of(globalAdministrators.map(list -> list.stream().map(c -> c.user().id()).toList()));
        return new SnapshotDocument(SnapshotDocument.FORMAT, SnapshotDocument.VERSION, capturedAt, tenantId,
                "Microsoft Graph", tenant(reading.tenant()), new ArrayList<>(users.values()), admins);
    }

    private static SnapshotDocument.Tenant tenant(TenantFacts t) {
        return new SnapshotDocument.Tenant(SnapshotFact.of(t.fido2Policy()), SnapshotFact.of(t.x509Policy()),
                SnapshotFact.of(t.trustedCertificateAuthorities()), SnapshotFact.of(t.conditionalAccessPolicies()),
                SnapshotFact.of(t.authenticationStrengths()), SnapshotFact.of(t.securityDefaultsEnabled()),
                SnapshotFact.of(t.signIns()), t.signInsSince());
    }

    private static SnapshotDocument.User user(AccountFacts f) {
        Fact<Optional<DirectoryUser>> lookup = f.user();
        SnapshotFact<DirectoryUser> user;
        if (lookup.isKnown()) {
            user = lookup.value().isPresent()
                    ? new SnapshotFact<>(lookup.value().get(), null, null)
                    : new SnapshotFact<>(null, null, true);
        } else {
            user = new SnapshotFact<>(null, SnapshotGap.of(lookup.missing().orElseThrow()), null);
        }
        String objectId = lookup.asOptional().flatMap(o -> o).map(DirectoryUser::id).orElse(f.ref().objectId());
        String upn = lookup.asOptional()
                .flatMap(o -> o)
                .map(DirectoryUser::userPrincipalName)
                .orElse(f.ref().userPrincipalName());
        if (user.isNotFound()) {
            return new SnapshotDocument.User(objectId, upn, user, null, null, null, null, null, null, null);
        }
        return new SnapshotDocument.User(objectId, upn, user, SnapshotFact.of(f.signInActivity()),
                SnapshotFact.of(f.methods()), SnapshotFact.of(f.transitiveGroupIds()),
                SnapshotFact.of(f.activeRoleAssignments()), SnapshotFact.of(f.activeRoleSchedules()),
                SnapshotFact.of(f.eligibleRoleSchedules()),
                f.groupRolesUnread().map(SnapshotGap::of).orElse(null));
    }

    private static String key(SnapshotDocument.User user) {
        return user.objectId() != null ? user.objectId().toLowerCase() : "upn:" + user.userPrincipalName();
    }
}
