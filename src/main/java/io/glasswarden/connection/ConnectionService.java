package io.glasswarden.connection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.directory.ConnectionCheck;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.EntraLicences;
import io.glasswarden.directory.TokenStatus;
import io.glasswarden.readiness.evaluation.DirectorySelector;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Checks a tenant's connection through its directory and says what to do next (consent, check, evaluate). */
@ApplicationScoped
public class ConnectionService {

    private final TenantService tenants;
    private final DirectorySelector directories;
    private final Clock clock;

    ConnectionService(TenantService tenants, DirectorySelector directories, Clock clock) {
        this.tenants = tenants;
        this.directories = directories;
        this.clock = clock;
    }

    private record Target(DirectoryTenant tenant, DirectoryKind kind) {
    }

    public ConnectionReport check(String tenantId) {
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = tenants.require(tenantId);
            return new Target(new DirectoryTenant(tenant.tenantId(), tenant.cloud().wireValue()), tenant.directory());
        });
        ConnectionCheck check = directories.forKind(target.kind()).checkConnection(target.tenant());
        TokenStatus token = check.token();
        List<ConnectionReport.Missing> missing = check.grantedPermissions() == null
                ? null
                : PermissionCheck.missing(check.grantedPermissions());
        Log.infof("Connection check of tenant %s: token %s%s, %s missing permission(s)", target.tenant().tenantId(),
                token.state(), token.code() == null ? "" : " " + token.code(),
                missing == null ? "unknown" : missing.size());
        return new ConnectionReport(target.tenant().tenantId(), target.tenant().cloud(), target.kind().wireValue(),
                clock.instant(), token(token), permissions(check, missing), licences(check), check.adminConsentUrl(),
                check.requests(), nextSteps(target.tenant().tenantId(), token, missing, check.adminConsentUrl(),
                        check.licences().asOptional()));
    }

    /** What a missing licence means (graph-permissions.md, "Licences"); nothing to do when P2 is there. */
    private static Optional<String> licenceNote(Optional<EntraLicences> licences) {
        if (licences.isEmpty() || licences.get().entraIdP2()) {
            return Optional.empty();
        }
        if (!licences.get().entraIdP1()) {
            return Optional.of("Without Microsoft Entra ID P1, Graph refuses sign-in activity, sign-in logs and"
                    + " Conditional Access policies: BG-040 and the Conditional Access rules stay UNKNOWN"
                    + " (license-required), BG-042 is NOT_APPLICABLE and drills cannot be verified.");
        }
        return Optional.of("Without Microsoft Entra ID P2, PIM schedules cannot be read: BG-030 counts an active"
                + " Global Administrator assignment as permanent and says so in its evidence.");
    }

    private static ConnectionReport.Token token(TokenStatus t) {
        return new ConnectionReport.Token(t.state().name(), t.code(), t.error(), t.reason(), t.traceId(),
                t.correlationId());
    }

    private static ConnectionReport.Permissions permissions(ConnectionCheck check,
            List<ConnectionReport.Missing> missing) {
        String detail = null;
        if (missing == null) {
            detail = check.token().isOk()
                    ? "unknown: the access token is not a readable JWT, so its roles claim cannot be read"
                    : "unknown: no access token for the tenant";
        }
        return new ConnectionReport.Permissions(GraphAccess.required(), check.grantedPermissions(), missing, detail);
    }

    private static ConnectionReport.Licences licences(ConnectionCheck check) {
        if (check.licences().isKnown()) {
            EntraLicences l = check.licences().value();
            return new ConnectionReport.Licences(l.entraIdP1(), l.entraIdP2(), null);
        }
        var gap = check.licences().missing().orElseThrow();
        String detail = "unknown: " + gap.detail();
        return new ConnectionReport.Licences(null, null, detail);
    }

    private static List<String> nextSteps(String tenantId, TokenStatus token, List<ConnectionReport.Missing> missing,
            String consentUrl, Optional<EntraLicences> licences) {
        List<String> steps = new ArrayList<>();
        if (token.state() == TokenStatus.State.NOT_APPLICABLE) {
            return steps;
        }
        if (!token.isOk()) {
            steps.add(token.reason());
            steps.add("Then check the connection again.");
            return steps;
        }
        List<ConnectionReport.Missing> needed = missing == null
                ? List.of()
                : missing.stream().filter(m -> !m.optional()).toList();
        if (!needed.isEmpty()) {
            steps.add("Grant " + String.join(", ", needed.stream().map(ConnectionReport.Missing::permission).toList())
                    + ": list them as Microsoft Graph application permissions on the app registration, then an"
                    + " administrator of this tenant (Global Administrator or Privileged Role Administrator) grants"
                    + " admin consent" + (consentUrl == null ? "." : " at " + consentUrl + "."));
            steps.add("Then check the connection again (a new consent can take a few minutes to reach the token).");
        }
        licenceNote(licences).ifPresent(steps::add);
        steps.add(needed.isEmpty()
                ? "Run an evaluation: POST /api/v1/tenants/" + tenantId + "/evaluations."
                : "An evaluation run now reports the rules above as UNKNOWN with a data gap naming the permission.");
        return steps;
    }
}
