package io.glasswarden.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Limits campaign: per-caller rate limits on API writes and on the attestation form, answered 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    static final int WRITES = 30;
    static final int FORM = 40;

    /** Limits on, low enough to reach quickly (the test keys are created with the bootstrap key, a caller too). */
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.rate-limit.enabled", "true", "glasswarden.rate-limit.writes-per-minute",
                    String.valueOf(WRITES), "glasswarden.rate-limit.form-per-minute", String.valueOf(FORM));
        }
    }

    @Test
    void writesArePerCallerAndAnswer429WithRetryAfterOverTheLimit() {
        String mallory = ApiKeys.create(Roles.OPERATOR, null);
        String other = ApiKeys.create(Roles.OPERATOR, null);

        // Refused writes count too: they cost the service as much. The bucket refills once a minute, so exactly
        // WRITES pass unless a minute boundary falls inside the burst (then up to twice as many).
        int passed = 0;
        Response limited = invalidWrite(mallory);
        while (limited.statusCode() == 400 && passed < 2 * WRITES) {
            passed++;
            limited = invalidWrite(mallory);
        }
        assertThat(passed).isBetween(WRITES, 2 * WRITES);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("type")).isEqualTo(ProblemType.RATE_LIMITED.uri());
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // Another caller is not affected, and reads are not limited.
        assertThat(invalidWrite(other).statusCode()).isEqualTo(400);
        assertThat(given().auth().oauth2(mallory).get("/api/v1/tenants").statusCode()).isEqualTo(200);
    }

    @Test
    void theAttestationFormIsLimitedPerClient() {
        Response last = null;
        int passed = -1;
        for (int i = 0; i <= 2 * FORM && (last == null || last.statusCode() != 429); i++) {
            last = given().get("/attest/not-a-valid-token-" + i);
            passed++;
        }
        assertThat(passed).isBetween(FORM, 2 * FORM);

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(last.asString()).doesNotContain("not-a-valid-token");
    }

    private static Response invalidWrite(String key) {
        return given().auth().oauth2(key).contentType("application/json").body("{}").post("/api/v1/tenants");
    }
}
