package io.glasswarden.directory.graph;

import java.util.Locale;

/** National clouds: their Entra authority host, Graph root and token scope (graph-reference §10). */
public enum GraphCloud {
    GLOBAL("global", "https://login.microsoftonline.com/", "https://graph.microsoft.com"), USGOV("usgov",
            "https://login.microsoftonline.us/", "https://graph.microsoft.us"), USGOVDOD("usgovdod",
                    "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us"), CHINA("china",
                            "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn");

    private final String wireName;
    private final String authorityHost;
    private final String graphRoot;

    GraphCloud(String wireName, String authorityHost, String graphRoot) {
        this.wireName = wireName;
        this.authorityHost = authorityHost;
        this.graphRoot = graphRoot;
    }

    /** The cloud named by {@code DirectoryTenant.cloud()}; null or blank means global. */
    public static GraphCloud of(String name) {
        if (name == null || name.isBlank()) {
            return GLOBAL;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (GraphCloud cloud : values()) {
            if (cloud.wireName.equals(wanted)) {
                return cloud;
            }
        }
        throw new IllegalArgumentException("unknown cloud: " + name);
    }

    /**
     * Whether Microsoft Graph v1.0 offers the authentication methods APIs (a user's methods, the authentication
     * methods policy) in this cloud: their Learn pages list Global, US Government L4 and L5, not China (21Vianet).
     */
    public boolean offersAuthenticationMethods() {
        return this != CHINA;
    }

    /**
     * Whether an authority host (e.g. {@code AZURE_AUTHORITY_HOST} of workload identity) belongs to this cloud: the
     * cloud's own host or one of its aliases (MSAL's instance discovery groups, graph-reference §10).
     */
    public boolean ownsAuthority(String authorityHost) {
        String host;
        try {
            host = java.net.URI.create(authorityHost.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return switch (this) {
            case GLOBAL -> h.equals("login.microsoftonline.com") || h.equals("login.windows.net")
                    || h.equals("login.microsoft.com") || h.equals("sts.windows.net");
            case USGOV, USGOVDOD -> h.equals("login.microsoftonline.us") || h.equals("login.usgovcloudapi.net");
            case CHINA -> h.equals("login.chinacloudapi.cn") || h.equals("login.partner.microsoftonline.cn");
        };
    }

    /** The gap of data whose API this cloud does not offer. */
    String unavailable(String data) {
        return data + " (not offered by Microsoft Graph in the " + wireName + " cloud)";
    }

    public String wireName() {
        return wireName;
    }

    public String authorityHost() {
        return authorityHost;
    }

    public String graphEndpoint() {
        return graphRoot + "/v1.0";
    }

    /** The {@code .default} scope: tokens are not interchangeable between clouds. */
    public String scope() {
        return graphRoot + "/.default";
    }
}
