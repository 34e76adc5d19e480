package io.glasswarden.web;

import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Errors that the HTTP router produces itself, before any resource runs (an unreadable path, no route, a refused
 * method or media type), answered like every other error: problem+json with a documented type. Errors inside the REST
 * layer are the {@link ProblemMapper}'s.
 */
@Singleton
public class FrameworkErrors {

    private static final int[] STATUSES = {400, 404, 405, 406, 413, 414, 415, 500};

    void install(@Observes Router router) {
        // First among the failure handlers, ahead of Quarkus' own (which answers HTML or plain JSON).
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        for (int status : STATUSES) {
            router.errorHandler(status, this::failed);
        }
    }

    void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.failure() instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status < 400 || status == 401 || status == 403 || isSecurityFlow(context.failure())) {
            // Authentication failures (with their challenge) and unexpected exceptions stay with Quarkus' handlers.
            context.next();
            return;
        }
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            // No path: the attestation form's path holds its credential.
            Log.errorf(context.failure(), "Unexpected error %s in the HTTP layer (%s)", errorId,
                    context.request().method());
            RouteProblems.send(context, ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote error id "
                    + errorId + " to your operator.");
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        RouteProblems.send(context, type, detailFor(type));
    }

    /**
     * Quarkus Security's own signals (the OpenID Connect code flow redirects to the identity provider and back with an
     * {@code AuthenticationRedirectException}; refusals carry a challenge): its handlers answer them, never us.
     */
    static boolean isSecurityFlow(Throwable failure) {
        return failure instanceof io.quarkus.security.AuthenticationRedirectException
                || failure instanceof io.quarkus.security.AuthenticationException
                || failure instanceof io.quarkus.security.UnauthorizedException
                || failure instanceof io.quarkus.security.ForbiddenException;
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case UNSUPPORTED_MEDIA_TYPE -> "This media type is not accepted here.";
            case NOT_ACCEPTABLE -> "This resource cannot be represented in the requested media type.";
            case URI_TOO_LONG -> "The request URI is too long.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than 1 MiB.";
            default -> "The request could not be read (path, query or headers).";
        };
    }
}
