package io.glasswarden.security;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** OIDC enabled against a test issuer (WireMock on a free port) that serves real signing keys. */
public class OidcProfile implements QuarkusTestProfile {

    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "glasswarden-api";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.client-id", "glasswarden",
                "quarkus.oidc.token.audience", AUDIENCE,
                "quarkus.oidc.token.issuer", ISSUER);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
}
