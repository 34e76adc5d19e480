package io.glasswarden.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock server on a dynamic port, as a webhook receiver; tests read its URL from {@link #baseUrl()}. */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of();
    }

    public static WireMockServer server() {
        return server;
    }

    public static String baseUrl() {
        return "http://localhost:" + server.port();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
