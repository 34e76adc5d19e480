package io.glasswarden.directory.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resolved Graph settings: {@link GraphConfig} plus the workload identity environment. A plain record so the
 * adapter can be built without Quarkus (tests).
 */
public record GraphSettings(
        String clientId,
        Credential credential,
        String authorityHostOverride,
        String endpointOverride,
        Duration connectTimeout,
        Duration readTimeout,
        Duration retryBudget,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration conditionalAccessInterval,
        int signInRequestsPerWindow,
        Duration signInWindow,
        String workloadAuthorityHost) {

    /** Settings without a workload identity authority host. */
    public GraphSettings(String clientId, Credential credential, String authorityHostOverride, String endpointOverride,
            Duration connectTimeout, Duration readTimeout, Duration retryBudget, Duration initialBackoff,
            Duration maxBackoff, Duration conditionalAccessInterval, int signInRequestsPerWindow,
            Duration signInWindow) {
        this(clientId, credential, authorityHostOverride, endpointOverride, connectTimeout, readTimeout, retryBudget,
                initialBackoff, maxBackoff, conditionalAccessInterval, signInRequestsPerWindow, signInWindow, null);
    }

    /** How the app proves its identity to Entra. */
    public sealed interface Credential {
    }

    /** A client secret. */
    public record Secret(String secret) implements Credential {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    /** A certificate: PEM (key and certificate) or PKCS#12 with its password. */
    public record Certificate(Path path, String password) implements Credential {
        @Override
        public String toString() {
            return "Certificate[" + path + "]";
        }
    }

    /** A Kubernetes projected service account token, re-read for every token request. */
    public record FederatedTokenFile(Path path) implements Credential {
    }

    /** Settings from config; {@code env} reads {@code AZURE_*} variables (System::getenv in production). */
    public static GraphSettings from(GraphConfig config, Function<String, String> env) {
        Optional<String> federatedFile = Optional.ofNullable(env.apply("AZURE_FEDERATED_TOKEN_FILE"))
                .filter(s -> !s.isBlank());
        String clientId = config.clientId()
                .filter(s -> !s.isBlank())
                .orElse(Optional.ofNullable(env.apply("AZURE_CLIENT_ID")).filter(s -> !s.isBlank()).orElse(null));
        Credential credential = null;
        if (config.clientSecret().filter(s -> !s.isBlank()).isPresent()) {
            credential = new Secret(config.clientSecret().get());
        } else if (config.certificatePath().filter(s -> !s.isBlank()).isPresent()) {
            credential = new Certificate(Path.of(config.certificatePath().get()),
                    config.certificatePassword().orElse(""));
        } else if (federatedFile.isPresent()) {
            credential = new FederatedTokenFile(Path.of(federatedFile.get()));
        }
        // the workload identity webhook injects AZURE_AUTHORITY_HOST for the federated credential only
        Optional<String> workloadAuthority = credential instanceof FederatedTokenFile
                ? Optional.ofNullable(env.apply("AZURE_AUTHORITY_HOST")).filter(s -> !s.isBlank())
                : Optional.empty();
        // ... and names the authority of its own cloud: it must not send other clouds' tenants there
        return new GraphSettings(clientId, credential, config.authorityHost().filter(s -> !s.isBlank()).orElse(null),
                config.endpoint().filter(s -> !s.isBlank()).orElse(null),
                config.connectTimeout(), config.readTimeout(), config.retryBudget(), config.initialBackoff(),
                config.maxBackoff(), config.conditionalAccessInterval(), config.signInRequestsPerWindow(),
                config.signInWindow(), workloadAuthority.orElse(null));
    }

    /** Settings with production defaults for the given credential (used by tests and tools). */
    public static GraphSettings of(String clientId, Credential credential) {
        return new GraphSettings(clientId, credential, null, null, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 5,
                Duration.ofSeconds(10));
    }

    /** Whether a client id and a credential are present (else the service runs in demo mode). */
    public boolean isConfigured() {
        return clientId != null && credential != null;
    }

    public GraphSettings withOverrides(String authorityHost, String endpoint) {
        return new GraphSettings(clientId, credential, authorityHost, endpoint, connectTimeout, readTimeout,
                retryBudget, initialBackoff, maxBackoff, conditionalAccessInterval, signInRequestsPerWindow,
                signInWindow, workloadAuthorityHost);
    }

    public GraphSettings withTimeouts(Duration readTimeout, Duration retryBudget, Duration initialBackoff,
            Duration maxBackoff) {
        return new GraphSettings(clientId, credential, authorityHostOverride, endpointOverride, connectTimeout,
                readTimeout, retryBudget, initialBackoff, maxBackoff, conditionalAccessInterval,
                signInRequestsPerWindow, signInWindow, workloadAuthorityHost);
    }

    /** Authority host, Graph endpoint and scope for a cloud, after overrides. */
    public CloudEndpoints endpoints(GraphCloud cloud) {
        String authority = authorityHostOverride != null ? authorityHostOverride : cloud.authorityHost();
        if (authorityHostOverride == null && workloadAuthorityHost != null
                && cloud.ownsAuthority(workloadAuthorityHost)) {
            authority = workloadAuthorityHost;
        }
        if (!authority.startsWith("https://")) {
            throw new IllegalArgumentException("glasswarden.graph.authority-host must use https");
        }
        if (!authority.endsWith("/")) {
            authority = authority + "/";
        }
        String endpoint = endpointOverride != null ? endpointOverride : cloud.graphEndpoint();
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        // api.md documents the override as the Graph root (https://graph.microsoft.com): add the API version.
        if (!endpoint.endsWith("/v1.0") && !endpoint.endsWith("/beta")) {
            endpoint = endpoint + "/v1.0";
        }
        return new CloudEndpoints(authority, endpoint, cloud.scope());
    }
}
