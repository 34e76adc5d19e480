package io.glasswarden.signins;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Roles;

/** An account's observed sign-ins, and acknowledgements of sign-ins (BG-042) and new methods (BG-062). */
@Path("/api/v1/tenants/{tenantId}/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-ins")
public class SignInResource {

    private final SignInService signIns;
    private final AcknowledgementService acknowledgements;

    SignInResource(SignInService signIns, AcknowledgementService acknowledgements) {
        this.signIns = signIns;
        this.acknowledgements = acknowledgements;
    }

    @GET
    @Path("sign-ins")
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Sign-ins of the account seen by the sign-in watch, newest first")
    public Page<ObservedSignInView> list(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return signIns.list(tenantId, accountId, PageRequest.of(page, size));
    }

    @POST
    @Path("sign-ins/{signInId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Classify a sign-in as DRILL, EMERGENCY or MISUSE (BG-042)")
    public AcknowledgementView acknowledgeSignIn(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @PathParam("signInId") String signInId,
            @Valid @NotNull AcknowledgementRequest request) {
        return acknowledgements.acknowledge(tenantId, accountId, Acknowledgement.Subject.SIGN_IN, signInId, request);
    }

    @POST
    @Path("methods/{methodId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Acknowledge a newly registered authentication method (BG-062)")
    public AcknowledgementView acknowledgeMethod(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @PathParam("methodId") String methodId,
            @Valid @NotNull AcknowledgementRequest request) {
        return acknowledgements.acknowledge(tenantId, accountId, Acknowledgement.Subject.METHOD, methodId, request);
    }
}
