package io.glasswarden.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies {@link EmbeddedPostgresResource} to every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
