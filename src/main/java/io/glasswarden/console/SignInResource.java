package io.glasswarden.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.ConsoleSessionMechanism;
import io.glasswarden.security.ConsoleSessions;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;

/**
 * Console sign-in with an API key (the first-start key, the bootstrap key or any key an admin created) and sign-out.
 * The sign-in form carries a CSRF token bound to a short-lived SameSite=Strict cookie (double submit), so that no
 * other site can sign a browser in to an attacker's session.
 */
@Path("/")
@Tag(name = "Console")
public class SignInResource {

    static final String SIGN_IN_CSRF_COOKIE = "gw_sign_in";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSessions sessions;
    private final ConsolePage page;
    private final EntraSignIn entra;
    @Inject
    @Location("console/sign-in.html")
    Template signIn;

    SignInResource(ConsoleSessions sessions, ConsolePage page, EntraSignIn entra) {
        this.sessions = sessions;
        this.page = page;
        this.entra = entra;
    }

    /**
     * Where "Sign in with Microsoft Entra ID" leads: the console OIDC tenant's authorization-code flow starts here
     * (redirect to Entra ID) and returns here with the code; once signed in, on to the fleet. 404 when not configured.
     */
    @GET
    @Path("sign-in/entra")
    @Authenticated
    @Operation(summary = "Sign in to the console with Microsoft Entra ID (when configured)")
    public Response entra(@Context UriInfo uri) {
        if (!entra.enabled()) {
            throw new NotFoundException();
        }
        return ConsolePage.headers(Response.seeOther(uri.getBaseUriBuilder().path("/").build())).build();
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The console's sign-in form (HTML)")
    public Response form(@Context UriInfo uri) {
        return form(uri, 200, null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign in to the console with an API key")
    public Response signIn(@Context UriInfo uri, @FormParam("apiKey") String apiKey, @FormParam("csrf") String csrf,
            @CookieParam(SIGN_IN_CSRF_COOKIE) String csrfCookie) {
        if (csrf == null || csrfCookie == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                csrfCookie.getBytes(StandardCharsets.UTF_8))) {
            return form(uri, 403, "The form expired or did not come from this site. Please try again.");
        }
        return sessions.open(apiKey).<Response>map(opened -> {
            Log.info("Console session opened");
            return ConsolePage.headers(Response.seeOther(uri.getBaseUriBuilder().path("/").build()))
                    .cookie(ConsolePage.sessionCookie(opened.token(), uri, -1),
                            ConsolePage.cookie(SIGN_IN_CSRF_COOKIE, "", uri, 0))
                    .build();
        }).orElseGet(() -> form(uri, 401, "This API key is unknown, revoked or malformed."));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign out of the console")
    public Response signOut(@Context UriInfo uri, @CookieParam(ConsoleSessionMechanism.COOKIE) String session,
            @FormParam("csrf") String csrf) {
        page.requireCsrf(session, csrf);
        sessions.close(session);
        Response.ResponseBuilder response = ConsolePage
                .headers(Response.seeOther(uri.getBaseUriBuilder().path("/sign-in").build()))
                .cookie(ConsolePage.sessionCookie("", uri, 0));
        // An Entra ID session ends here too (locally: the Entra ID session itself is the user's to end).
        for (String name : entra.sessionCookieNames()) {
            response.cookie(new NewCookie.Builder(name).value("").path("/").maxAge(0).build());
        }
        return response.build();
    }

    private Response form(UriInfo uri, int status, String error) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        NewCookie cookie = ConsolePage.cookie(SIGN_IN_CSRF_COOKIE, csrf, uri, 1800);
        return ConsolePage.headers(Response.status(status)
                .entity(signIn.data("me", null)
                        .data("csrf", csrf)
                        .data("error", error)
                        .data("entra", entra.enabled())
                        .render())
                .type("text/html;charset=UTF-8")).cookie(cookie).build();
    }
}
