package io.glasswarden.directory.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The tenant-wide admin-consent URL of the app registration in a tenant's cloud, in the form Microsoft documents
 * ("Grant tenant-wide admin consent to an application", section "Construct the URL for granting tenant-wide admin
 * consent": {@code https://login.microsoftonline.com/{organization}/adminconsent?client_id={client-id}},
 * https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent). The host is always the cloud's own
 * login host ({@link GraphCloud#authorityHost()}), never {@code glasswarden.graph.authority-host}: that override points
 * Glasswarden at a proxy or test double, while an administrator's browser must reach Entra itself.
 */
final class AdminConsent {

    private AdminConsent() {
    }

    /** The URL, or null without a client id. */
    static String url(GraphCloud cloud, String tenantId, String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        return cloud.authorityHost() + encode(tenantId) + "/adminconsent?client_id=" + encode(clientId);
    }

    /** The cloud whose Graph scope the endpoints use (the scope is never overridden, unlike the hosts). */
    static GraphCloud cloudOf(CloudEndpoints endpoints) {
        for (GraphCloud cloud : GraphCloud.values()) {
            if (cloud.scope().equals(endpoints.scope())) {
                return cloud;
            }
        }
        return GraphCloud.GLOBAL;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
