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
