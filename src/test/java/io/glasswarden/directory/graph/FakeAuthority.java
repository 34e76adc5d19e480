package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.file.Path;

import javax.net.ssl.SSLSocketFactory;

import com.github.tomakehurst.wiremock.WireMockServer;

/** An Entra token endpoint over HTTPS, with a certificate generated at test time. */
final class FakeAuthority implements AutoCloseable {

    final WireMockServer server;
    final SSLSocketFactory trust;

    FakeAuthority(Path dir) throws Exception {
        Path store = TestCertificates.pkcs12(dir, "authority");
        server = new WireMockServer(options().httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(store.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD));
        server.start();
        trust = TestCertificates.trusting(store);
        issueTokens();
    }

    void issueTokens() {
        server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("client-request-id", "{{request.headers.client-request-id}}")
                .withTransformers("response-template")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"fake-access-token\"}")));
    }

    String host() {
        return "https://localhost:" + server.httpsPort() + "/";
    }

    @Override
    public void close() {
        server.stop();
    }
}
