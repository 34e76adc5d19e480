package io.glasswarden.directory.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.glasswarden.core.FieldError;
import io.glasswarden.core.Guids;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.Upns;
import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.UnknownReason;

/** Checks what JSON mapping cannot: header, required facts, one state per fact, valid gap reasons, unique users. */
final class SnapshotValidator {

    private final String expectedTenantId;
    private final List<FieldError> errors = new ArrayList<>();

    SnapshotValidator(String expectedTenantId) {
        this.expectedTenantId = expectedTenantId;
    }

    void requireValid(SnapshotDocument doc) {
        header(doc);
        if (doc.tenant() == null) {
            errors.add(new FieldError("tenant", "is required"));
        } else {
            SnapshotDocument.Tenant t = doc.tenant();
            fact("tenant.fido2Policy", t.fido2Policy(), false);
            fact("tenant.x509Policy", t.x509Policy(), false);
            fact("tenant.trustedCertificateAuthorities", t.trustedCertificateAuthorities(), false);
            fact("tenant.conditionalAccessPolicies", t.conditionalAccessPolicies(), false);
            fact("tenant.authenticationStrengths", t.authenticationStrengths(), false);
            fact("tenant.securityDefaultsEnabled", t.securityDefaultsEnabled(), false);
            fact("tenant.signIns", t.signIns(), false);
        }
        if (doc.globalAdministrators() != null) {
            fact("globalAdministrators", doc.globalAdministrators(), false);
        }
        users(doc.users());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void header(SnapshotDocument doc) {
        if (!SnapshotDocument.FORMAT.equals(doc.format())) {
            errors.add(new FieldError("format", "must be " + SnapshotDocument.FORMAT));
        }
        if (doc.version() == null) {
            errors.add(new FieldError("version", "is required"));
        } else if (doc.version() != SnapshotDocument.VERSION) {
            errors.add(new FieldError("version", "unsupported version " + doc.version() + "; this Glasswarden reads"
                    + " version " + SnapshotDocument.VERSION));
        }
        if (doc.capturedAt() == null) {
            errors.add(new FieldError("capturedAt", "is required"));
        }
        if (doc.tenantId() == null || !Guids.isGuid(doc.tenantId())) {
            errors.add(new FieldError("tenantId", "must be an Entra tenant id (GUID)"));
        } else if (expectedTenantId != null && !doc.tenantId().equalsIgnoreCase(expectedTenantId)) {
            errors.add(new FieldError("tenantId", "is " + doc.tenantId() + " but the snapshot is uploaded to tenant "
                    + expectedTenantId));
        }
    }

    private void users(List<SnapshotDocument.User> users) {
        if (users == null) {
            errors.add(new FieldError("users", "is required (may be empty)"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            String at = "users[" + i + "]";
            SnapshotDocument.User u = users.get(i);
            if (u == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            if (u.objectId() == null && u.userPrincipalName() == null) {
                errors.add(new FieldError(at + ".objectId", "give objectId or userPrincipalName (or both)"));
            }
            if (u.objectId() != null && !Guids.isGuid(u.objectId())) {
                errors.add(new FieldError(at + ".objectId", "must be an object id (GUID)"));
            }
            // The same rule as the inventory's: a snapshot's names end up in readiness reports and CSV exports.
            if (u.userPrincipalName() != null && !Upns.isValid(u.userPrincipalName())) {
                errors.add(new FieldError(at + ".userPrincipalName", "must be a user principal name (name@domain)"));
            }
            if (u.user() != null && u.user().value() != null && u.user().value().userPrincipalName() != null
                    && !Upns.isValid(u.user().value().userPrincipalName())) {
                errors.add(new FieldError(at + ".user.value.userPrincipalName",
                        "must be a user principal name (name@domain)"));
            }
            String key = u.objectId() != null
                    ? Guids.normalize(u.objectId())
                    : SnapshotFormat.lower(u.userPrincipalName());
            if (key != null && !seen.add(key)) {
                errors.add(new FieldError(at, "describes the same user as an earlier entry"));
            }
            fact(at + ".user", u.user(), true);
            boolean notFound = u.user() != null && u.user().isNotFound();
            if (u.user() != null && u.user().value() != null && u.user().value().id() == null) {
                errors.add(new FieldError(at + ".user.value.id", "is required"));
            }
            if (!notFound) {
                fact(at + ".signInActivity", u.signInActivity(), false);
                fact(at + ".methods", u.methods(), false);
                fact(at + ".transitiveGroupIds", u.transitiveGroupIds(), false);
                fact(at + ".activeRoleAssignments", u.activeRoleAssignments(), false);
                fact(at + ".activeRoleSchedules", u.activeRoleSchedules(), false);
                fact(at + ".eligibleRoleSchedules", u.eligibleRoleSchedules(), false);
                methods(at + ".methods", u.methods());
                if (u.groupRolesUnread() != null) {
                    fact(at + ".groupRolesUnread", new SnapshotFact<>(null, u.groupRolesUnread(), null), false);
                }
            }
        }
    }

    private void methods(String at, SnapshotFact<List<AuthenticationMethod>> methods) {
        if (methods == null || methods.value() == null) {
            return;
        }
        for (int i = 0; i < methods.value().size(); i++) {
            AuthenticationMethod m = methods.value().get(i);
            if (m == null || m.id() == null || m.kind() == null) {
                errors.add(new FieldError(at + ".value[" + i + "]", "needs an id and a kind"));
            }
        }
    }

    private void fact(String at, SnapshotFact<?> fact, boolean mayBeNotFound) {
        if (fact == null) {
            errors.add(new FieldError(at, "is required: give {\"value\": …} or {\"unknown\": {…}}"));
            return;
        }
        int states = (fact.value() != null ? 1 : 0) + (fact.unknown() != null ? 1 : 0)
                + (fact.notFound() != null ? 1 : 0);
        if (states != 1) {
            errors.add(new FieldError(at, "must have exactly one of value, unknown"
                    + (mayBeNotFound ? ", notFound" : "")));
            return;
        }
        if (fact.notFound() != null && (!mayBeNotFound || !fact.notFound())) {
            errors.add(new FieldError(at + ".notFound", mayBeNotFound ? "must be true" : "is only allowed on user"));
        }
        if (fact.unknown() != null) {
            SnapshotGap gap = fact.unknown();
            if (SnapshotGap.reasonOf(gap.reason()) == null) {
                errors.add(new FieldError(at + ".unknown.reason", "must be one of " + String.join(", ",
                        Arrays.stream(UnknownReason.values()).map(UnknownReason::wireValue).toList())));
            }
            if (gap.data() == null || gap.data().isBlank()) {
                errors.add(new FieldError(at + ".unknown.data", "is required (what could not be read)"));
            }
        }
    }
}
