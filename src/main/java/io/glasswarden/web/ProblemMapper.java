package io.glasswarden.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.glasswarden.core.ConflictException;
import io.glasswarden.core.FieldError;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.JsonPaths;
import io.glasswarden.core.LogSafe;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.core.ServiceUnavailableException;
import io.glasswarden.core.StaleVersionException;
import io.glasswarden.core.StorableInput;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem+json with a stable {@link ProblemType}. Never a
 * stack trace, SQL or class name; unexpected errors are logged with an id the client can quote.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e, UriInfo uri) {
        return respond(ProblemType.STALE_ETAG, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(Exception e, UriInfo uri) {
        return respond(ProblemType.STALE_ETAG, "The resource was changed by another request at the same time. Read it"
                + " again and retry.", uri, null);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e, UriInfo uri) {
        return respond(ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations()
                .stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .map(error -> error.field().isEmpty() ? new FieldError("body", "a JSON body is required") : error)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(ProblemType.VALIDATION, errors.size() == 1
                ? errors.get(0).field() + ": "
                        + errors.get(0).message()
                : errors.size() + " fields are invalid.", uri, errors);
    }

    @ServerExceptionMapper
    public Response unstorable(StorableInput.Refused e, UriInfo uri) {
        String field = JsonPaths.of(e.getPath());
        return respond(ProblemType.VALIDATION, field + ": " + e.problem() + ".", uri,
                List.of(new FieldError(field, e.problem())));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonPaths.of(e.getPath());
        return respond(ProblemType.VALIDATION, "Unknown property " + field + ".", uri,
                List.of(new FieldError(field, "unknown property")));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = JsonPaths.of(e.getPath());
        return respond(ProblemType.VALIDATION, field + " has a value of the wrong type or format.", uri,
                List.of(new FieldError(field, "wrong type or format")));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = JsonPaths.of(e.getPath());
        return field.isEmpty()
                ? respond(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object.", uri, null)
                : respond(ProblemType.VALIDATION, field + " has a value of the wrong type.", uri,
                        List.of(new FieldError(field, "wrong type")));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            return respond(ProblemType.VALIDATION, field + " is invalid.", uri,
                    List.of(new FieldError(field, "invalid value")));
        }
        return respond(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON.", uri, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED,
                "Send a valid API key or access token as 'Authorization: Bearer <token>'.", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow this operation.", uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response problem = respond(type, detailFor(type), uri, null);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * RESTEasy Reactive parses some of the request itself and throws an IllegalArgumentException where the client sent
     * something unparseable: a malformed percent-escape ("%zz", a lone "%") in a form body or parameter
     * ({@code URLUtils}), a Content-Type or Accept header that is no media type ({@code MediaTypeHeaderDelegate}). The
     * client's request is broken, not the service: 400. Any other IllegalArgumentException is ours, so unexpected.
     */
    @ServerExceptionMapper
    public Response unparseable(IllegalArgumentException e, UriInfo uri) {
        StackTraceElement[] trace = e.getStackTrace();
        String thrower = trace.length == 0 ? "" : trace[0].getClassName();
        if (thrower.equals("org.jboss.resteasy.reactive.common.util.URLUtils")) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request could not be decoded (invalid percent-encoding"
                    + " in the form body or a parameter).", uri, null);
        }
        if (thrower.equals("org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate")) {
            return respond(ProblemType.MALFORMED_REQUEST, "A Content-Type or Accept header is not a valid media type.",
                    uri, null);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ClientAborts.closedMidRequest(e)) {
            Log.debugf("The client closed the connection before its request was read on %s", LogSafe.quote(loggable(
                    uri == null ? "?" : uri.getPath())));
            return respond(ProblemType.MALFORMED_REQUEST, "The connection was closed before the request body was"
                    + " complete.", uri, null);
        }
        if (DatabaseRefusals.poolExhausted(e)) {
            Log.warnf("No database connection became free in time on %s: overloaded (quarkus.datasource.jdbc.max-size)",
                    LogSafe.quote(loggable(uri == null ? "?" : uri.getPath())));
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE, "The service is busy; retry in a"
                    + " moment.", uri, null)).header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        if (DatabaseOutage.causes(e)) {
            Log.warnf("Database unavailable on %s: %s", LogSafe.quote(loggable(uri == null ? "?" : uri.getPath())),
                    DatabaseOutage.rootCause(e));
            return respond(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry in a moment.", uri,
                    null);
        }
        if (DatabaseRefusals.concurrentWrite(e)) {
            Log.debugf(e, "Write refused because of a concurrent one on %s", LogSafe.quote(loggable(uri == null
                    ? "?"
                    : uri.getPath())));
            return respond(ProblemType.CONFLICT, "The request conflicts with another change made at the same time (a"
                    + " duplicate or a concurrent update). Read the resource again and retry if it still applies.",
                    uri, null);
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : LogSafe.quote(loggable(uri.getPath())));
        return respond(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote error id " + errorId
                + " to your operator.", uri, null);
    }

    /** The path as it may be logged: an attestation link's token is a credential and never appears in a log. */
    static String loggable(String path) {
        return path != null && path.startsWith("/attest/") ? "/attest/{token}" : path;
    }

    static Response respond(ProblemType type, String detail, UriInfo uri, List<FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This resource cannot be represented in the requested media type.";
            case MALFORMED_REQUEST -> "The request could not be read; check that the body is valid JSON.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than 1 MiB.";
            default -> type.title() + ".";
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        return JsonPaths.of(violation.getPropertyPath());
    }
}
