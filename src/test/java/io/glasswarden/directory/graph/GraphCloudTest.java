package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GraphCloudTest {

    private final GraphSettings plain = GraphSettings.of("client", new GraphSettings.Secret("s"));

    @Test
    void eachCloudHasItsAuthorityGraphEndpointAndScope() {
        assertThat(plain.endpoints(GraphCloud.of("global"))).isEqualTo(new CloudEndpoints(
                "https://login.microsoftonline.com/", "https://graph.microsoft.com/v1.0",
                "https://graph.microsoft.com/.default"));
        assertThat(plain.endpoints(GraphCloud.of("usgov"))).isEqualTo(new CloudEndpoints(
                "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0",
                "https://graph.microsoft.us/.default"));
        assertThat(plain.endpoints(GraphCloud.of("usgovdod"))).isEqualTo(new CloudEndpoints(
                "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us/v1.0",
                "https://dod-graph.microsoft.us/.default"));
        assertThat(plain.endpoints(GraphCloud.of("china"))).isEqualTo(new CloudEndpoints(
                "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/v1.0",
                "https://microsoftgraph.chinacloudapi.cn/.default"));
        assertThat(plain.endpoints(GraphCloud.GLOBAL).graphHost()).isEqualTo("graph.microsoft.com");
        assertThat(plain.endpoints(GraphCloud.GLOBAL).authority("t1"))
                .isEqualTo("https://login.microsoftonline.com/t1/");
    }

    @Test
    void cloudNamesAreCaseInsensitiveAndDefaultToGlobal() {
        assertThat(GraphCloud.of("USGov")).isEqualTo(GraphCloud.USGOV);
        assertThat(GraphCloud.of(null)).isEqualTo(GraphCloud.GLOBAL);
        assertThatThrownBy(() -> GraphCloud.of("germany")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overridesReplaceAuthorityAndEndpointButKeepTheCloudScope() {
        CloudEndpoints e = plain.withOverrides("https://login.example.test", "https://graph.example.test/v1.0/")
                .endpoints(GraphCloud.USGOV);

        assertThat(e.authorityHost()).isEqualTo("https://login.example.test/");
        assertThat(e.graphEndpoint()).isEqualTo("https://graph.example.test/v1.0");
        assertThat(e.scope()).isEqualTo("https://graph.microsoft.us/.default");
    }

    @Test
    void endpointOverrideGivenAsTheGraphRootGetsTheApiVersion() {
        assertThat(plain.withOverrides(null, "https://graph.example.test").endpoints(GraphCloud.GLOBAL).graphEndpoint())
                .isEqualTo("https://graph.example.test/v1.0");
        assertThat(plain.withOverrides(null, "https://graph.example.test/beta/")
                .endpoints(GraphCloud.GLOBAL)
                .graphEndpoint()).isEqualTo("https://graph.example.test/beta");
    }

    @Test
    void plainHttpAuthorityIsRefused() {
        assertThatThrownBy(() -> plain.withOverrides("http://login.example.test/", null).endpoints(GraphCloud.GLOBAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void settingsPreferSecretThenCertificateThenWorkloadIdentity() {
        Map<String, String> env = Map.of("AZURE_CLIENT_ID", "wi-client", "AZURE_FEDERATED_TOKEN_FILE",
                "/var/run/secrets/azure/tokens/azure-identity-token", "AZURE_AUTHORITY_HOST",
                "https://login.microsoftonline.us/");

        GraphSettings workload = GraphSettings.from(config(null, null, null), env::get);
        assertThat(workload.clientId()).isEqualTo("wi-client");
        assertThat(workload.credential()).isInstanceOf(GraphSettings.FederatedTokenFile.class);
        // AZURE_AUTHORITY_HOST serves its own cloud only (US Government here), never a global or China tenant
        assertThat(workload.authorityHostOverride()).isNull();
        assertThat(workload.endpoints(GraphCloud.USGOV).authorityHost()).isEqualTo("https://login.microsoftonline.us/");
        assertThat(workload.endpoints(GraphCloud.GLOBAL).authorityHost())
                .isEqualTo("https://login.microsoftonline.com/");
        assertThat(workload.endpoints(GraphCloud.CHINA).authorityHost()).isEqualTo("https://login.chinacloudapi.cn/");
        assertThat(workload.isConfigured()).isTrue();

        assertThat(GraphSettings.from(config("app", null, "/etc/app.pem"), env::get).credential())
                .isInstanceOf(GraphSettings.Certificate.class);
        GraphSettings secret = GraphSettings.from(config("app", "s3cr3t", "/etc/app.pem"), env::get);
        assertThat(secret.credential()).isInstanceOf(GraphSettings.Secret.class);
        assertThat(secret.clientId()).isEqualTo("app");
        assertThat(secret.credential().toString()).doesNotContain("s3cr3t");
        assertThat(secret.authorityHostOverride()).isNull(); // AZURE_AUTHORITY_HOST belongs to workload identity
    }

    @Test
    void aWorkloadAuthorityAliasIsUsedForItsCloudAndAnUnknownHostForNone() {
        Map<String, String> china = Map.of("AZURE_CLIENT_ID", "wi", "AZURE_FEDERATED_TOKEN_FILE", "/t",
                "AZURE_AUTHORITY_HOST", "https://login.partner.microsoftonline.cn/");
        GraphSettings settings = GraphSettings.from(config(null, null, null), china::get);
        assertThat(settings.endpoints(GraphCloud.CHINA).authorityHost())
                .isEqualTo("https://login.partner.microsoftonline.cn/");
        assertThat(settings.endpoints(GraphCloud.GLOBAL).authorityHost())
                .isEqualTo("https://login.microsoftonline.com/");

        Map<String, String> proxy = Map.of("AZURE_CLIENT_ID", "wi", "AZURE_FEDERATED_TOKEN_FILE", "/t",
                "AZURE_AUTHORITY_HOST", "https://login.proxy.example/");
        GraphSettings unknown = GraphSettings.from(config(null, null, null), proxy::get);
        assertThat(unknown.endpoints(GraphCloud.GLOBAL).authorityHost())
                .isEqualTo("https://login.microsoftonline.com/");
    }

    @Test
    void withoutClientIdGraphIsNotConfigured() {
        GraphSettings none = GraphSettings.from(config(null, null, null), name -> null);

        assertThat(none.isConfigured()).isFalse();
        assertThat(new GraphDirectory(none, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                java.time.Clock.systemUTC(), Sleeper.SYSTEM, null).isConfigured()).isFalse();
    }

    private static GraphConfig config(String clientId, String secret, String certificate) {
        return new GraphConfig() {
            public Optional<String> clientId() {
                return Optional.ofNullable(clientId);
            }

            public Optional<String> clientSecret() {
                return Optional.ofNullable(secret);
            }

            public Optional<String> certificatePath() {
                return Optional.ofNullable(certificate);
            }

            public Optional<String> certificatePassword() {
                return Optional.empty();
            }

            public Optional<String> authorityHost() {
                return Optional.empty();
            }

            public Optional<String> endpoint() {
                return Optional.empty();
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(10);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(60);
            }

            public Duration retryBudget() {
                return Duration.ofMinutes(2);
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(30);
            }

            public Duration conditionalAccessInterval() {
                return Duration.ofSeconds(1);
            }

            public int signInRequestsPerWindow() {
                return 5;
            }

            public Duration signInWindow() {
                return Duration.ofSeconds(10);
            }

            public int appRequestsPerWindow() {
                return 15_000;
            }

            public Duration appWindow() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
