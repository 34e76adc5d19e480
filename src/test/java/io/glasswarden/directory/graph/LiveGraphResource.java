package io.glasswarden.directory.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A live-looking Microsoft Graph for the running service: the fake token endpoint over HTTPS with a certificate made
 * at test time, and the fake Graph with the tenant of {@link TenantFixture}. The service trusts the authority through
 * the JVM-wide default (as production trusts through the JVM trust store), restored when the tests end.
 */
public class LiveGraphResource implements QuarkusTestResourceLifecycleManager {

    static FakeAuthority authority;
    static FakeGraph graph;
    private SSLSocketFactory previousDefault;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("live-graph");
            authority = new FakeAuthority(dir);
            graph = new FakeGraph(Instant::now);
            TenantFixture.stub(graph.server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake Graph", e);
        }
        previousDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(authority.trust);
        return Map.of(
                "glasswarden.graph.client-id", "00000000-0000-4000-8000-0000000000aa",
                "glasswarden.graph.client-secret", "test-only-client-secret",
                "glasswarden.graph.authority-host", authority.host(),
                // the Graph root, as api.md documents the setting: the adapter adds /v1.0
                "glasswarden.graph.endpoint", "http://localhost:" + graph.server.port());
    }

    @Override
    public void stop() {
        HttpsURLConnection.setDefaultSSLSocketFactory(previousDefault);
        graph.close();
        authority.close();
    }
}
