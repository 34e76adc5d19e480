package io.glasswarden.directory.graph;

import java.net.URI;
import java.util.Map;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;

/**
 * Supplies the Graph SDK with tokens for one tenant, and only for the configured Graph host: the SDK's
 * {@code BaseBearerTokenAuthenticationProvider} does not check hosts, so a {@code @odata.nextLink} to another host
 * would otherwise carry our token there.
 */
final class GraphTokenProvider implements AccessTokenProvider {

    private final MsalTokenSource tokens;
    private final String tenantId;
    private final CloudEndpoints endpoints;
    private final AllowedHostsValidator allowedHosts;

    GraphTokenProvider(MsalTokenSource tokens, String tenantId, CloudEndpoints endpoints) {
        this.tokens = tokens;
        this.tenantId = tenantId;
        this.endpoints = endpoints;
        this.allowedHosts = new AllowedHostsValidator(endpoints.graphHost());
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        if (uri == null || uri.getHost() == null || !allowedHosts.isUrlHostValid(uri)) {
            return ""; // Kiota convention: no Authorization header
        }
        return tokens.token(tenantId, endpoints, false);
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }
}
