package io.glasswarden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DemoTenantDatesTest {

    @Test
    void relativeDatesAreResolvedAgainstNow() {
        String resolved = DemoTenant.resolveDates("{\"a\": \"${now}\", \"b\": \"${now-20d}\", \"c\": \"$5\"}",
                Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(resolved).isEqualTo("{\"a\": \"2026-11-22T10:00:00Z\", \"b\": \"2026-11-02T10:00:00Z\","
                + " \"c\": \"$5\"}");
    }
}
