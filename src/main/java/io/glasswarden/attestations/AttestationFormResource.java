package io.glasswarden.attestations;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * {@code /attest/{token}}: the HTML form that custodians reach from an attestation request e-mail. Public (the signed
 * link is the credential), works without JavaScript, loads nothing external, escapes all output (Qute), and sends a
 * strict Content-Security-Policy; the form carries an anti-CSRF token bound to the link.
 */
@Path("/attest/{token}")
@Tag(name = "Attestation form")
public class AttestationFormResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AttestationLinks links;
    @Inject
    @Location("attest/form.html")
    Template form;
    @Inject
    @Location("attest/message.html")
    Template message;

    AttestationFormResource(AttestationLinks links) {
        this.links = links;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The attestation form of a signed link (HTML)")
    public Response show(@PathParam("token") String token) {
        try {
            return page(200, form.data("form", links.open(token)).data("errors", List.of()));
        } catch (LinkRejectedException e) {
            return rejected(e);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit the attestation form (single use)")
    public Response submit(@PathParam("token") String token, String body) {
        Map<String, List<String>> fields;
        try {
            // decoded here, not by @FormParam: a malformed percent-escape must be a 400, not an error logged with the
            // request path (which holds the token, a credential)
            fields = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false, 1024, true)
                    .parameters();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed form encoding");
        }
        try {
            AttestationView recorded = links.submit(token, first(fields, "csrf"), first(fields, "kind"), first(fields,
                    "statement"), fields.get("keysSighted"));
            return page(201, message.data("title", "Thank you: attestation recorded")
                    .data("text", "Your " + recorded.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " attestation was recorded at " + recorded.attestedAt() + " as " + recorded.attestedBy()
                            + ". You can close this page.")
                    .data("quote", recorded.statement()));
        } catch (FormInput.InvalidException e) {
            try {
                return page(400, form.data("form", links.open(token)).data("errors", e.errors()));
            } catch (LinkRejectedException rejected) {
                return rejected(rejected);
            }
        } catch (LinkRejectedException e) {
            return rejected(e);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    // Only GET and POST: any other method is an explicit 405 problem with Allow, like the attestation API.
    @PUT
    @Operation(hidden = true)
    public Response replace() {
        throw notAllowed();
    }

    @PATCH
    @Operation(hidden = true)
    public Response change() {
        throw notAllowed();
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete() {
        throw notAllowed();
    }

    private static NotAllowedException notAllowed() {
        return new NotAllowedException(
                Response.status(Response.Status.METHOD_NOT_ALLOWED).allow("GET", "POST").build());
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Answered here rather than by the problem mapper, which would log the path: the token is a credential. */
    private Response failed(RuntimeException e) {
        String errorId = java.util.UUID.randomUUID().toString();
        Log.errorf(e, "Attestation form failed, error id %s", errorId);
        return page(500, message.data("title", "Something went wrong")
                .data("text", "Your attestation was not"
                        + " recorded. Try again later, or quote error id " + errorId + " to your administrators.")
                .data("quote",
                        ""));
    }

    private Response rejected(LinkRejectedException e) {
        return page(e.reason().status, message.data("title", "Attestation link not accepted")
                .data("text", e
                        .reason().message));
    }

    private static Response page(int status, io.quarkus.qute.TemplateInstance template) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String nonce = Base64.getEncoder().encodeToString(random);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.data("nonce", nonce).render())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; form-action"
                        + " 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }
}
