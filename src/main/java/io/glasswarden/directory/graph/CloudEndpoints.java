package io.glasswarden.directory.graph;

import java.net.URI;

/** Where tokens come from and where Graph is, for one cloud: {@code authorityHost} ends with a slash. */
public record CloudEndpoints(String authorityHost, String graphEndpoint, String scope) {

    /** The only host that may receive Graph tokens. */
    public String graphHost() {
        return URI.create(graphEndpoint).getHost();
    }

    public String authority(String tenantId) {
        return authorityHost + tenantId + "/";
    }
}
