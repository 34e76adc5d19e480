package io.glasswarden.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses request URIs over {@value #MAX_URI_LENGTH} characters with a 414 problem+json. The HTTP server itself reads
 * request lines up to {@code quarkus.http.limits.max-initial-line-length} (set higher, 64 KiB) and answers longer ones
 * with a bare 414 before any of our code runs; this filter gives every request in between our format.
 */
public class RequestLineLimit {

    static final int MAX_URI_LENGTH = 4096;

    @RouteFilter(Integer.MAX_VALUE - 1)
    void limit(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            context.response().putHeader("Connection", "close");
            RouteProblems.send(context, ProblemType.URI_TOO_LONG, "The request URI is longer than " + MAX_URI_LENGTH
                    + " characters.");
            return;
        }
        context.next();
    }
}
