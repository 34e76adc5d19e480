package io.glasswarden.directory.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DirectoryTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Starts a fake token endpoint (HTTPS) and a fake Graph once per test class; each test gets a fresh tenant. */
abstract class FakeGraphTest {

    @TempDir
    static Path dir;
    static FakeAuthority authority;
    static FakeGraph graph;
    static volatile FakeTime current = new FakeTime();

    FakeTime time;
    SimpleMeterRegistry registry;

    static final DirectoryTenant TENANT = new DirectoryTenant(TenantFixture.TENANT, "global");
    static final List<AccountRef> ONE = List.of(new AccountRef(TenantFixture.USER, "bg-01@contoso.onmicrosoft.com"));

    @BeforeAll
    static void startFakes() throws Exception {
        authority = new FakeAuthority(dir);
        graph = new FakeGraph(() -> current.instant());
    }

    @AfterAll
    static void stopFakes() {
        graph.close();
        authority.close();
    }

    @BeforeEach
    void freshTenant() {
        time = new FakeTime();
        current = time;
        registry = new SimpleMeterRegistry();
        graph.reset();
        TenantFixture.stub(graph.server);
        authority.server.resetAll();
        authority.issueTokens();
    }

    GraphSettings settings() {
        return new GraphSettings("app-client-id", new GraphSettings.Secret("s3cr3t"), authority.host(),
                graph.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1), 5, Duration.ofSeconds(10));
    }

    GraphDirectory directory() {
        return directory(settings());
    }

    GraphDirectory directory(GraphSettings settings) {
        return new GraphDirectory(settings, registry, time, time, authority.trust);
    }
}
