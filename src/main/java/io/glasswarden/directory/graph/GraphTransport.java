package io.glasswarden.directory.graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.quarkus.logging.Log;

/**
 * Sends one HTTP request through the tenant's Graph SDK adapter (auth, telemetry, redirects) and turns every outcome
 * into a {@link GraphResponse}: SDK exceptions become statuses, timeouts and network errors become failures. Counts
 * each request in the operation's counter. Throws only {@link DirectoryUnavailableException} (no token).
 */
final class GraphTransport {

    static final ObjectMapper JSON = new ObjectMapper();

    private final GraphMetrics metrics;

    GraphTransport(GraphMetrics metrics) {
        this.metrics = metrics;
    }

    GraphResponse get(GraphClients.TenantClient client, String url, AtomicInteger counter) {
        return send(client, HttpMethod.GET, url, Map.of(), null, counter);
    }

    GraphResponse get(GraphClients.TenantClient client, String url, Map<String, String> headers,
            AtomicInteger counter) {
        return send(client, HttpMethod.GET, url, headers, null, counter);
    }

    GraphResponse post(GraphClients.TenantClient client, String url, byte[] json, AtomicInteger counter) {
        return send(client, HttpMethod.POST, url, Map.of(), json, counter);
    }

    /** {@code url} is absolute, or relative to the Graph endpoint (starting with a slash). */
    private GraphResponse send(GraphClients.TenantClient client, HttpMethod method, String url,
            Map<String, String> headers, byte[] json, AtomicInteger counter) {
        RequestInformation request = new RequestInformation();
        request.httpMethod = method;
        request.setUri(URI.create(url.startsWith("/") ? client.endpoints().graphEndpoint() + url : url));
        request.headers.add("Accept", "application/json");
        headers.forEach(request.headers::add);
        if (json != null) {
            request.setStreamContent(new ByteArrayInputStream(json), "application/json");
        }
        counter.incrementAndGet();
        GraphResponse response = exchange(client, request);
        metrics.request(response);
        if (response.throttled()) {
            metrics.throttled();
        }
        return response;
    }

    private GraphResponse exchange(GraphClients.TenantClient client, RequestInformation request) {
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        try (InputStream body = client.graph()
                .getRequestAdapter()
                .sendPrimitive(request, errors,
                        InputStream.class)) {
            JsonNode node = body == null ? JSON.createObjectNode() : JSON.readTree(body);
            return GraphResponse.of(200, Map.of(), node == null ? JSON.createObjectNode() : node);
        } catch (ApiException e) {
            DirectoryUnavailableException noToken = find(e, DirectoryUnavailableException.class);
            if (noToken != null) {
                throw noToken;
            }
            if (e.getResponseStatusCode() == 0) {
                return transportFailure(e);
            }
            return GraphResponse.of(e.getResponseStatusCode(), headers(e), errorBody(e));
        } catch (IOException | RuntimeException e) {
            DirectoryUnavailableException noToken = find(e, DirectoryUnavailableException.class);
            if (noToken != null) {
                throw noToken;
            }
            return transportFailure(e);
        }
    }

    private static GraphResponse transportFailure(Exception e) {
        boolean timeout = find(e, InterruptedIOException.class) != null;
        Log.debugf("Graph request failed without a response: %s", e.getClass().getSimpleName());
        return GraphResponse.failed(timeout ? GraphResponse.Failure.TIMEOUT : GraphResponse.Failure.NETWORK);
    }

    private static Map<String, String> headers(ApiException e) {
        Map<String, String> out = new HashMap<>();
        if (e.getResponseHeaders() != null) {
            for (Map.Entry<String, Set<String>> h : e.getResponseHeaders().entrySet()) {
                if (!h.getValue().isEmpty()) {
                    out.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().iterator().next());
                }
            }
        }
        return out;
    }

    /** Only the error code and message are kept (never the raw payload). */
    private static JsonNode errorBody(ApiException e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        if (e instanceof ODataError odata && odata.getError() != null) {
            error.put("code", odata.getError().getCode());
            error.put("message", odata.getError().getMessage());
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
