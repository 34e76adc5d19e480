package io.glasswarden.directory.graph;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Microsoft Graph connection settings. Without a client id (here or {@code AZURE_CLIENT_ID}) Graph is not configured
 * and the service runs in demo mode.
 */
@ConfigMapping(prefix = "glasswarden.graph")
public interface GraphConfig {

    /** Application (client) id of the multi-tenant app registration; falls back to {@code AZURE_CLIENT_ID}. */
    Optional<String> clientId();

    /** Client secret; takes precedence over a certificate and workload identity. */
    Optional<String> clientSecret();

    /** PEM file (private key and certificate) or PKCS#12 file (.p12/.pfx) used to sign client assertions. */
    Optional<String> certificatePath();

    /** Password of the PKCS#12 file; unused for PEM. */
    Optional<String> certificatePassword();

    /**
     * Overrides the cloud's Entra authority host, e.g. {@code https://login.microsoftonline.com/}; must be HTTPS
     * (trust follows the JVM trust store). With workload identity it falls back to {@code AZURE_AUTHORITY_HOST}; else
     * the tenant's cloud decides.
     */
    Optional<String> authorityHost();

    /**
     * Overrides the cloud's Graph endpoint, e.g. {@code https://graph.microsoft.com} (the API version {@code /v1.0} is
     * added unless given).
     */
    Optional<String> endpoint();

    /** Connect timeout of Graph and token requests. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Read timeout of one Graph request (authentication methods APIs may take up to 60 s). */
    @WithDefault("60s")
    Duration readTimeout();

    /** Time within which throttled (429) or transient (503, 504, timeout) requests of one group are retried. */
    @WithDefault("2m")
    Duration retryBudget();

    /** First back-off delay for transient failures without {@code Retry-After}; doubled per attempt, with jitter. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest single back-off delay. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Minimum spacing of Conditional Access reads per tenant (Graph allows 1 request/s, without Retry-After). */
    @WithDefault("1s")
    Duration conditionalAccessInterval();

    /** Sign-in log requests allowed per {@link #signInWindow()} and tenant (Graph: 5 per 10 s). */
    @WithDefault("5")
    int signInRequestsPerWindow();

    /** Window of the sign-in log pacing. */
    @WithDefault("10s")
    Duration signInWindow();

    /**
     * Graph requests (batch items and pages, each counted) this instance sends per {@link #appWindow()}, shared by
     * all its tenants: Graph limits the app across all tenants (130,000 requests/10 s; 150,000 resource units/20 s for
     * identity reads). The default leaves room for two instances of one app registration at 2 resource units per
     * request; with more instances use 30,000 / instances (docs/evaluations.md).
     */
    @WithDefault("15000")
    int appRequestsPerWindow();

    /** Window of the app-wide budget. */
    @WithDefault("10s")
    Duration appWindow();
}
