package io.glasswarden.directory.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;

import io.glasswarden.directory.DirectoryTenant;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** One {@link GraphServiceClient} per tenant and cloud, built lazily and reused. */
final class GraphClients {

    /** A tenant's client and the endpoints it talks to. */
    record TenantClient(String tenantId, CloudEndpoints endpoints, GraphServiceClient graph) {
    }

    private final GraphSettings settings;
    private final MsalTokenSource tokens;
    private final OkHttpClient http;
    private final Map<String, TenantClient> clients = new ConcurrentHashMap<>();

    GraphClients(GraphSettings settings, MsalTokenSource tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = httpClient(settings);
    }

    TenantClient forTenant(DirectoryTenant tenant) {
        GraphCloud cloud = GraphCloud.of(tenant.cloud());
        return clients.computeIfAbsent(cloud.wireName() + "/" + tenant.tenantId(), key -> {
            CloudEndpoints endpoints = settings.endpoints(cloud);
            var auth = new BaseBearerTokenAuthenticationProvider(
                    new GraphTokenProvider(tokens, tenant.tenantId(), endpoints));
            var adapter = new BaseGraphRequestAdapter(auth, endpoints.graphEndpoint(), http);
            return new TenantClient(tenant.tenantId(), endpoints, new GraphServiceClient(adapter));
        });
    }

    /** Access tokens for a tenant (read once per operation to fail fast when none can be had). */
    String token(TenantClient client) {
        return tokens.token(client.tenantId(), client.endpoints(), false);
    }

    private static OkHttpClient httpClient(GraphSettings settings) {
        // The SDK's RetryHandler is dropped: it would retry with its own 3 s delays outside our budget and hide
        // requests from the count; BatchExecutor retries instead (it also sees throttled batch items, which the SDK
        // handler cannot).
        List<Interceptor> interceptors = Arrays
                .stream(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption()))
                .filter(i -> !(i instanceof RetryHandler))
                .toList();
        return GraphClientFactory.create(interceptors)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
    }
}
