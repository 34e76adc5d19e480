package io.glasswarden.console;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.attestations.AttestationRequest;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.GlasswardenException;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.drills.DrillRequest;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.evaluation.EvaluationResults;
import io.glasswarden.security.Caller;
import io.glasswarden.security.ConsoleSessionMechanism;
import io.glasswarden.security.Roles;
import io.glasswarden.signins.Acknowledgement;
import io.glasswarden.signins.AcknowledgementRequest;
import io.glasswarden.tenants.TenantService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The console's pages: server-rendered HTML over the same services, and the same role checks, as the REST API. Every
 * form posts a CSRF token; nothing needs JavaScript.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class ConsoleResource {

    private final ConsolePage page;
    private final FleetOverview fleet;
    private final CustodianHome custodianHome;
    private final TenantService tenants;
    private final AccountService accounts;
    private final TenantPageData tenantData;
    private final AccountPageData accountData;
    private final AuditPageData audit;
    private final Caller caller;
    @Inject
    @Location("console/fleet.html")
    Template fleetPage;
    @Inject
    @Location("console/tenant.html")
    Template tenantPage;
    @Inject
    @Location("console/account.html")
    Template accountPage;
    @Inject
    @Location("console/ledger.html")
    Template ledgerPage;
    @Inject
    @Location("console/error.html")
    Template errorPage;

    ConsoleResource(ConsolePage page, FleetOverview fleet, CustodianHome custodianHome, TenantService tenants,
            AccountService accounts,
            TenantPageData tenantData, AccountPageData accountData, AuditPageData audit, Caller caller) {
        this.page = page;
        this.fleet = fleet;
        this.custodianHome = custodianHome;
        this.tenants = tenants;
        this.accounts = accounts;
        this.tenantData = tenantData;
        this.accountData = accountData;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Console: the fleet of tenants (custodians: their accounts)")
    public Response fleet(@CookieParam(ConsoleSessionMechanism.COOKIE) String session, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        FleetOverview.Sort order = parseSort(sort);
        return page.html(200, fleetPage.data("me", me(session))
                .data("custodian", caller.isCustodianOnly())
                .data("tenants", caller.isCustodianOnly() ? List.of() : fleet.tenants(q, order))
                .data("myAccounts", caller.isCustodianOnly() ? custodianHome.custodianAccounts() : List.of())
                .data("q", q == null ? "" : q)
                .data("sort", order.name()));
    }

    @GET
    @Path("tenants/{tenantId}")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console: one tenant")
    public Response tenant(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId) {
        var tenant = tenants.require(tenantId);
        List<AccountView> list = accounts
                .list(tenantId, null, LifecycleState.ACTIVE, PageRequest.of("0", String.valueOf(PageRequest.MAX_SIZE)))
                .items()
                .stream()
                .map(AccountView::of)
                .toList();
        EvaluationResults latest = tenantData.latest(tenantId);
        return page.html(200, tenantPage.data("me", me(session))
                .data("tenant", tenant)
                .data("accounts", list)
                .data("latest", latest)
                .data("custody", tenantData.custody(tenant))
                .data("openSignIns", tenantData.openSignIns(tenantId, list))
                .data("drills", tenantData.drillCalendar(tenantId)));
    }

    @POST
    @Path("tenants/{tenantId}/evaluate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Console: evaluate a tenant now")
    public Response evaluate(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId, @FormParam("csrf") String csrf) {
        page.requireCsrf(session, csrf);
        tenantData.evaluate(tenantId);
        return ConsolePage.seeOther("/tenants/" + tenants.require(tenantId).tenantId() + "?evaluation=queued");
    }

    @POST
    @Path("tenants/{tenantId}/accounts/{accountId}/sign-ins/{signInId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Console: acknowledge a sign-in")
    public Response acknowledge(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @PathParam("signInId") String signInId, @FormParam("csrf") String csrf,
            @FormParam("classification") String classification, @FormParam("note") String note) {
        page.requireCsrf(session, csrf);
        tenantData.acknowledge(tenantId, accountId, signInId, new AcknowledgementRequest(
                FormFields.parse(Acknowledgement.Classification.class, classification, "classification"),
                FormFields.blankToNull(note)));
        return ConsolePage.seeOther("/tenants/" + tenants.require(tenantId).tenantId() + "#sign-ins");
    }

    @GET
    @Path("tenants/{tenantId}/accounts/{accountId}")
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Console: one account")
    public Response account(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId) {
        AccountView account = AccountView.of(accounts.require(tenantId, accountId));
        return page.html(200, accountPage.data("me", me(session))
                .data("account", account)
                .data("tenant", tenants.require(tenantId))
                .data("findings", AccountPageData.findings(account.readiness()))
                .data("history", accountData.historyChart(tenantId, accountId))
                .data("drills", accountData.drills(tenantId, accountId))
                .data("credentials", AccountPageData.credentials(account.readiness(), account.keys()))
                .data("attestations", accountData.attestations(tenantId, accountId))
                .data("canRecordDrill", caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.CUSTODIAN)));
    }

    @POST
    @Path("tenants/{tenantId}/accounts/{accountId}/drills")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTODIAN})
    @Operation(summary = "Console: record a drill")
    public Response recordDrill(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @FormParam("csrf") String csrf, @FormParam("performedAt") String performedAt,
            @FormParam("performedBy") String performedBy, @FormParam("outcome") String outcome,
            @FormParam("credentialUsed") String credentialUsed, @FormParam("notes") String notes) {
        page.requireCsrf(session, csrf);
        accountData.recordDrill(tenantId, accountId, new DrillRequest(FormFields.instant(performedAt),
                performedBy, FormFields.parse(DrillOutcome.class, outcome, "outcome"),
                FormFields.blankToNull(credentialUsed),
                FormFields.blankToNull(notes)));
        return ConsolePage.seeOther("/tenants/" + tenants.require(tenantId).tenantId() + "/accounts/"
                + accounts.require(tenantId, accountId).id() + "#drills");
    }

    @POST
    @Path("tenants/{tenantId}/accounts/{accountId}/attestations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTODIAN})
    @Operation(summary = "Console: record an attestation")
    public Response recordAttestation(@CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @FormParam("csrf") String csrf, @FormParam("kind") String kind, @FormParam("attestedBy") String attestedBy,
            @FormParam("statement") String statement, @FormParam("keysSighted") String keysSighted) {
        page.requireCsrf(session, csrf);
        accountData.recordAttestation(tenantId, accountId, new AttestationRequest(
                FormFields.parse(AttestationKind.class, kind, "kind"), FormFields.blankToNull(attestedBy),
                FormFields.blankToNull(statement), FormFields.lines(keysSighted)));
        return ConsolePage.seeOther("/tenants/" + tenants.require(tenantId).tenantId() + "/accounts/"
                + accounts.require(tenantId, accountId).id() + "#attestations");
    }

    @GET
    @Path("tenants/{tenantId}/readiness.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console: download the latest readiness as CSV")
    public Response readinessCsv(@PathParam("tenantId") String tenantId) {
        return audit.readinessCsv(tenantId);
    }

    @GET
    @Path("tenants/{tenantId}/evidence.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console: download the tenant's evidence bundle")
    public Response evidence(@PathParam("tenantId") String tenantId) {
        return audit.evidence(tenantId);
    }

    @GET
    @Path("ledger")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console: ledger verification and the latest entries")
    public Response ledger(@CookieParam(ConsoleSessionMechanism.COOKIE) String session) {
        return page.html(200, ledgerPage.data("me", me(session))
                .data("verification", audit.verifyLedger())
                .data("entries", audit.latestLedgerEntries())
                .data("evidenceChoices", audit.evidenceChoices()));
    }

    @GET
    @Path("ledger/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console: download the evidence bundle of the tenant chosen on the ledger page")
    public Response ledgerEvidence(@QueryParam("tenant") String tenantId) {
        return audit.evidence(tenantId == null ? "" : tenantId);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response signInFirst() {
        return ConsolePage.headers(Response.seeOther(java.net.URI.create("/sign-in")))
                .header("Set-Cookie",
                        ConsoleSessionMechanism.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
                .build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return error(403, "Not allowed", e.getMessage() == null || e.getMessage().isBlank()
                ? "Your role does not allow this. Ask an administrator for a key with a higher role."
                : e.getMessage());
    }

    @ServerExceptionMapper
    Response notFound(ResourceNotFoundException e) {
        return error(404, "Not found", e.getMessage());
    }

    @ServerExceptionMapper({InvalidInputException.class, ConflictException.class})
    Response invalid(GlasswardenException e) {
        return error(e instanceof ConflictException ? 409 : 400, "Not recorded", e.getMessage());
    }

    private Response error(int status, String title, String text) {
        return page.html(status, errorPage.data("me", null).data("title", title).data("text", text));
    }

    private Me me(String session) {
        return new Me(caller.name(), role(), page.csrf(session), caller.hasRole(Roles.OPERATOR),
                caller.hasRole(Roles.AUDITOR));
    }

    private String role() {
        for (String role : List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.CUSTODIAN)) {
            if (caller.hasRole(role)) {
                return role.substring(role.indexOf('.') + 1);
            }
        }
        return "none";
    }

    /** The signed-in person as the layout shows them, with the CSRF token of their session for every form. */
    public record Me(String name, String role, String csrf, boolean operator, boolean auditor) {
    }

    private static FleetOverview.Sort parseSort(String sort) {
        try {
            return sort == null || sort.isBlank()
                    ? FleetOverview.Sort.WORST
                    : FleetOverview.Sort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", "must be one of worst, name, evaluated, drill");
        }
    }
}
