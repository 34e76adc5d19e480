package io.glasswarden.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response (OWASP Secure Headers Project), added just before the headers are written so that
 * errors, limits and framework answers carry them too. A header a resource set itself (the attestation form's
 * nonce-based Content-Security-Policy) is kept. HSTS only when the request reached us over TLS (directly, or per the
 * TLS-terminating proxy's {@code X-Forwarded-Proto}); {@code Cache-Control: no-store} on every API answer, since any of
 * them may hold sensitive data (keys, evidence, readiness).
 */
public class SecurityHeaders {

    /** Nothing may load, frame or be framed: the API serves JSON, never a page. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI is a page with its own scripts and styles (inline ones included), still never framed. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @RouteFilter(Integer.MAX_VALUE)
    void headers(RoutingContext context) {
        String path = context.request().path();
        boolean tls = context.request().isSSL() || "https".equalsIgnoreCase(firstForwardedProto(context));
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            setIfAbsent(headers, "Content-Security-Policy",
                    path != null && path.startsWith("/q/swagger-ui") ? SWAGGER_CSP : API_CSP);
            if (tls) {
                setIfAbsent(headers, "Strict-Transport-Security", HSTS);
            }
            if (path != null && (path.startsWith("/api/") || path.startsWith("/attest/"))) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }

    private static String firstForwardedProto(RoutingContext context) {
        String proto = context.request().getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return null;
        }
        int comma = proto.indexOf(',');
        return (comma < 0 ? proto : proto.substring(0, comma)).trim();
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
