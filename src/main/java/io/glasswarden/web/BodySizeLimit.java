package io.glasswarden.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses request bodies over 1 MiB (api.md) with our problem+json before anything reads them. Quarkus'
 * {@code quarkus.http.limits.max-body-size} stays as the backstop for chunked bodies that announce no length.
 */
public class BodySizeLimit {

    static final long MAX_BYTES = 1024 * 1024;

    @RouteFilter(Integer.MAX_VALUE)
    void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
            Problem problem = new Problem(type.uri(), type.title(), type.status(),
                    "The request body is larger than 1 MiB.", context.request().path(), null);
            context.response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    private static boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
