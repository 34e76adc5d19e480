package io.glasswarden.directory.graph;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Graph answer (a whole response or one {@code $batch} item), or a transport failure ({@code status} 0). Header
 * names are lower case. The body never leaves the adapter: only status, error code and headers are used in gaps.
 */
record GraphResponse(int status, Map<String, String> headers, JsonNode body, Failure failure) {

    /** Transport failures, which have no HTTP status. */
    enum Failure {
        NONE, TIMEOUT, NETWORK
    }

    static GraphResponse of(int status, Map<String, String> headers, JsonNode body) {
        return new GraphResponse(status, headers, body, Failure.NONE);
    }

    static GraphResponse failed(Failure failure) {
        return new GraphResponse(0, Map.of(), null, failure);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean throttled() {
        return status == 429;
    }

    /** 429, 503, 504 and timeouts are worth retrying; so are network failures (connection reset, refused). */
    boolean transientFailure() {
        return status == 429 || status == 503 || status == 504 || failure != Failure.NONE;
    }

    /** {@code error.code} of a Graph error body, or null. */
    String errorCode() {
        if (body == null) {
            return null;
        }
        JsonNode code = body.path("error").path("code");
        return code.isTextual() ? code.asText() : null;
    }

    String errorMessage() {
        if (body == null) {
            return null;
        }
        JsonNode message = body.path("error").path("message");
        return message.isTextual() ? message.asText() : null;
    }

    /** The {@code Retry-After} delay in seconds (decimals allowed); HTTP-date values are ignored (rare in Graph). */
    Optional<Duration> retryAfter() {
        String value = headers.get("retry-after");
        if (value == null) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
