package io.glasswarden.directory.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.SignInActivity;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.X509Policy;

/**
 * A directory snapshot, format {@value #FORMAT} version {@value #VERSION} (docs/snapshot-format.md): tenant-wide facts,
 * the users it describes (found by object id or UPN) and the object ids of the tenant's Global Administrators.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SnapshotDocument(
        String format,
        Integer version,
        Instant capturedAt,
        String tenantId,
        String source,
        Tenant tenant,
        List<User> users,
        SnapshotFact<List<String>> globalAdministrators) {

    public static final String FORMAT = "glasswarden-directory-snapshot";
    public static final int VERSION = 1;

    /** Tenant-wide facts; {@code signIns} are the sign-ins of the described users since {@code signInsSince}. */
    public record Tenant(
            SnapshotFact<Fido2Policy> fido2Policy,
            SnapshotFact<X509Policy> x509Policy,
            SnapshotFact<List<TrustedCertificateAuthority>> trustedCertificateAuthorities,
            SnapshotFact<List<ConditionalAccessPolicy>> conditionalAccessPolicies,
            SnapshotFact<List<AuthenticationStrength>> authenticationStrengths,
            SnapshotFact<Boolean> securityDefaultsEnabled,
            SnapshotFact<List<SignIn>> signIns,
            Instant signInsSince) {
    }

    /**
     * One user as looked up by {@code objectId} and/or {@code userPrincipalName}; {@code user} is {@code notFound} when
     * the lookup found nobody. {@code groupRolesUnread} (optional) says why roles held through groups could not be
     * read; the role facts then hold direct roles only.
     */
    public record User(
            String objectId,
            String userPrincipalName,
            SnapshotFact<DirectoryUser> user,
            SnapshotFact<SignInActivity> signInActivity,
            SnapshotFact<List<AuthenticationMethod>> methods,
            SnapshotFact<Set<String>> transitiveGroupIds,
            SnapshotFact<List<RoleAssignment>> activeRoleAssignments,
            SnapshotFact<List<RoleSchedule>> activeRoleSchedules,
            SnapshotFact<List<RoleSchedule>> eligibleRoleSchedules,
            SnapshotGap groupRolesUnread) {

        /** The looked-up user: empty Optional when not found. */
        io.glasswarden.directory.Fact<Optional<DirectoryUser>> userFact() {
            if (user.isNotFound()) {
                return io.glasswarden.directory.Fact.known(Optional.empty());
            }
            return user.toFact().map(Optional::ofNullable);
        }
    }
}
