package io.glasswarden.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request with a problem+json at the HTTP layer, for the refusals made before (or instead of) the REST layer:
 * limits, rate limits and the framework's own errors. The instance is never echoed for the attestation form, whose
 * path holds a credential.
 */
final class RouteProblems {

    private RouteProblems() {
    }

    static void send(RoutingContext context, ProblemType type, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instanceOf(context), null);
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    /** The path for the {@code instance} member, without the token of an attestation link. */
    static String instanceOf(RoutingContext context) {
        String path = context.request().path();
        if (path == null || path.length() > RequestLineLimit.MAX_URI_LENGTH) {
            return null;
        }
        return path.startsWith("/attest/") ? "/attest/{token}" : path;
    }
}
