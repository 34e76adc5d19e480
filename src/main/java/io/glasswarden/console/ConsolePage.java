package io.glasswarden.console;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.glasswarden.security.ConsoleSessionMechanism;
import io.glasswarden.security.ConsoleSessions;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * What every console page shares: the response headers (strict CSP, no caching, no framing), the session cookie, and
 * the CSRF check of every form.
 */
@ApplicationScoped
public class ConsolePage {

    /** Only our own stylesheet; no script, no external resource, no framing, forms post only to us. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final ConsoleSessions sessions;
    private final EntraSignIn entra;

    ConsolePage(ConsoleSessions sessions, EntraSignIn entra) {
        this.sessions = sessions;
        this.entra = entra;
    }

    Response html(int status, TemplateInstance page) {
        return headers(Response.status(status).entity(page.render()).type("text/html;charset=UTF-8")).build();
    }

    static Response.ResponseBuilder headers(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    static Response seeOther(String location) {
        return headers(Response.seeOther(URI.create(location))).build();
    }

    /**
     * The CSRF token of the caller's session, for the forms of a page: the API-key session's own token, or, for a
     * session signed in with Entra ID, one derived from that session's cookie.
     */
    String csrf(String sessionToken) {
        return sessions.csrfToken(sessionToken).or(entra::csrfToken).orElse("");
    }

    /** Refuses a form whose CSRF token is not the session's (403; nothing is changed). */
    void requireCsrf(String sessionToken, String submitted) {
        boolean valid = sessionToken != null && !sessionToken.isBlank()
                ? sessions.csrfMatches(sessionToken, submitted)
                : entra.csrfMatches(submitted);
        if (!valid) {
            throw new ForbiddenException("The form's CSRF token is missing or stale: reload the page and try again.");
        }
    }

    static NewCookie sessionCookie(String value, UriInfo uri, int maxAge) {
        return cookie(ConsoleSessionMechanism.COOKIE, value, uri, maxAge);
    }

    static NewCookie cookie(String name, String value, UriInfo uri, int maxAge) {
        return new NewCookie.Builder(name).value(value)
                .path("/")
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
