package io.glasswarden.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.ConcurrentPosts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A duplicate that only the database sees (both requests checked before either committed) is answered by the mapper's
 * safety net for concurrent writes: 409 problem+json, never a 500.
 */
@QuarkusTest
class ConcurrentTenantCreationTest {

    @TestHTTPResource("/api/v1/tenants")
    URI tenants;

    @Test
    void oneTenantIdSentAtTheSameTimeIsCreatedOnceAndOtherwiseAConflict() throws Exception {
        String tenantId = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = ConcurrentPosts.send(tenants, ApiKeys.of(Roles.OPERATOR), 8, 3,
                n -> "{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Race " + n + "\"}");

        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 201).hasSize(23).allSatisfy(a -> {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(409);
            assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(a.body()).contains("https://glasswarden.io/problems/conflict")
                    .doesNotContain("PSQL",
                            "duplicate key");
        });
    }
}
