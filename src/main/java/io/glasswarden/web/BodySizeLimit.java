package io.glasswarden.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses request bodies over 1 MiB (api.md) with our problem+json before anything reads them. Quarkus'
 * {@code quarkus.http.limits.max-body-size} stays as the backstop for chunked bodies that announce no length.
 */
public class BodySizeLimit {

    static final long MAX_BYTES = 1024 * 1024;

    // After SecurityHeaders and RequestLineLimit, so that this refusal carries the security headers too.
    @RouteFilter(Integer.MAX_VALUE - 3)
    void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            RouteProblems.send(context, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB.");
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
