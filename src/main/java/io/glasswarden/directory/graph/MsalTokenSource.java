package io.glasswarden.directory.graph;

import java.net.MalformedURLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.TokenStatus;
import io.glasswarden.directory.UnknownReason;
import io.quarkus.logging.Log;

/**
 * App-only Graph tokens from MSAL4J. One {@link ConfidentialClientApplication} per credential and authority host
 * (i.e. per cloud), reused so its in-memory cache serves every tenant: the tenant is chosen per request with
 * {@code ClientCredentialParameters.tenant(...)}, which MSAL caches per realm. One app per tenant would duplicate the
 * credential (and, for certificates, the key) per tenant without any isolation gain, since it is one app registration.
 */
final class MsalTokenSource {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final GraphSettings settings;
    private final IClientCredential credential;
    private final SSLSocketFactory sslSocketFactory;
    private final Map<String, ConfidentialClientApplication> apps = new ConcurrentHashMap<>();
    /**
     * Where MSAL runs its token requests. Without one it uses the JVM's common fork-join pool, whose parallelism is
     * the cores less one: on a 4-core pod at most 3 blocking token requests at a time, shared with everything else on
     * that pool, while a fleet's evaluations each need a token of their own tenant. The callers wait for the result
     * ({@link #token}), so they bound the threads: at most one per running evaluation or request.
     */
    private final ExecutorService tokenRequests = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "glasswarden-msal-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** {@code sslSocketFactory} may be null (JVM trust store); tests pass one trusting their own certificate. */
    MsalTokenSource(GraphSettings settings, SSLSocketFactory sslSocketFactory) {
        if (!settings.isConfigured()) {
            throw new IllegalStateException("Graph is not configured: no client id or credential");
        }
        this.settings = settings;
        this.credential = ClientCredentialLoader.load(settings.credential());
        this.sslSocketFactory = sslSocketFactory;
    }

    /** An access token for Graph in {@code tenantId}; {@code skipCache} forces a token request. */
    String token(String tenantId, CloudEndpoints endpoints, boolean skipCache) {
        ConfidentialClientApplication app = apps.computeIfAbsent(endpoints.authorityHost(), this::build);
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(endpoints.scope()))
                .tenant(tenantId)
                .skipCache(skipCache)
                .build();
        try {
            return app.acquireToken(parameters).get().accessToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException(UnknownReason.GRAPH_ERROR,
                    "no Graph token for tenant " + tenantId + " from " + endpoints.authorityHost() + ": interrupted",
                    e);
        } catch (ExecutionException e) {
            throw refused(tenantId, endpoints, e.getCause());
        }
    }

    /** Says what the connection check would say: the AADSTS code in words and the admin-consent URL. */
    private TokenRefusedException refused(String tenantId, CloudEndpoints endpoints, Throwable cause) {
        TokenStatus status = TokenErrors.explain(cause, endpoints.authorityHost());
        String http = cause instanceof MsalServiceException s ? "Entra answered " + s.statusCode() + " " : "";
        String why = http + TokenErrors.describe(status);
        Log.warnf("No Graph token for tenant %s from %s: %s", tenantId, endpoints.authorityHost(), why);
        String consent = AdminConsent.url(AdminConsent.cloudOf(endpoints), tenantId, settings.clientId());
        return new TokenRefusedException(status, "no Graph token for tenant " + tenantId + " from "
                + endpoints.authorityHost() + ": " + why + (consent == null ? "" : " Admin consent: " + consent),
                cause);
    }

    private ConfidentialClientApplication build(String authorityHost) {
        try {
            // "organizations" is only a placeholder: every request names its tenant.
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(settings.clientId(), credential)
                    .authority(authorityHost + "organizations/")
                    // the hosts come from a fixed table or an explicit override: no discovery call to the global cloud
                    .instanceDiscovery(false)
                    .executorService(tokenRequests)
                    .connectTimeoutForDefaultHttpClient((int) settings.connectTimeout().toMillis())
                    .readTimeoutForDefaultHttpClient((int) settings.readTimeout().toMillis());
            if (sslSocketFactory != null) {
                builder.sslSocketFactory(sslSocketFactory);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("invalid authority host " + authorityHost, e);
        }
    }
}
