package io.glasswarden.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Token-bucket rate limits (Bucket4j) in front of everything else that costs: API writes per caller, the attestation
 * form per client address. The caller of an API request is its credential, known here only as a SHA-256 of the
 * {@code Authorization} header (never the credential itself); without one, the client address. Buckets live in a
 * bounded cache per instance: with several instances a caller may get up to that many times the limit.
 */
public class RateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    RateLimit(RateLimitConfig config) {
        this.config = config;
    }

    // After SecurityHeaders and RequestLineLimit, before anything reads the body.
    @RouteFilter(Integer.MAX_VALUE - 2)
    void limit(RoutingContext context) {
        String path = context.request().path();
        if (!config.enabled() || path == null) {
            context.next();
            return;
        }
        String key;
        int perMinute;
        if (path.startsWith("/attest/")) {
            key = "form " + clientAddress(context);
            perMinute = config.formPerMinute();
        } else if (path.startsWith("/api/") && WRITES.contains(context.request().method().name())) {
            String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
            key = authorization == null ? "write " + clientAddress(context) : "write " + sha256(authorization);
            perMinute = config.writesPerMinute();
        } else {
            context.next();
            return;
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        RouteProblems.send(context, ProblemType.RATE_LIMITED, "Too many requests from this caller; retry after "
                + seconds + " seconds.");
    }

    private static String clientAddress(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
