package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.net.ssl.SSLSocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** An Entra token endpoint over HTTPS, with a certificate generated at test time. */
final class FakeAuthority implements AutoCloseable {

    private static final String TOKEN = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
            + "\"access_token\":\"fake-access-token\"}";

    final WireMockServer server;
    final SSLSocketFactory trust;
    /** How far the authority's clock is ahead of this machine's, for {@link #checkAssertionTimes()}. */
    volatile Duration clockAhead = Duration.ZERO;

    FakeAuthority(Path dir) throws Exception {
        Path store = TestCertificates.pkcs12(dir, "authority");
        server = new WireMockServer(options().httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(store.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD)
                .extensions(new AssertionTimes()));
        server.start();
        trust = TestCertificates.trusting(store);
        issueTokens();
    }

    void issueTokens() {
        server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("client-request-id", "{{request.headers.client-request-id}}")
                .withTransformers("response-template")
                .withBody(TOKEN)));
    }

    /**
     * Issues tokens only for client assertions whose validity ({@code nbf} when present, {@code exp}) contains the
     * authority's own time, {@link #clockAhead} of ours; else refuses as Entra does: 401 {@code invalid_client},
     * AADSTS700024 with the times (wording as reported from Entra in
     * https://github.com/AzureAD/microsoft-authentication-library-for-java/issues/984; body fields as documented in
     * https://learn.microsoft.com/entra/identity-platform/reference-error-codes). Entra's tolerance, if any, is not
     * documented: tests skew by far more than minutes.
     */
    void checkAssertionTimes() {
        server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).atPriority(1)
                .willReturn(aResponse().withTransformers("assertion-times")));
    }

    String host() {
        return "https://localhost:" + server.httpsPort() + "/";
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class AssertionTimes implements ResponseDefinitionTransformerV2 {

        private final ObjectMapper json = new ObjectMapper();

        @Override
        public String getName() {
            return "assertion-times";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Instant now = Instant.now().plus(clockAhead);
            try {
                String assertion = formValue(event.getRequest().getBodyAsString(), "client_assertion");
                JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]));
                Instant from = Instant.ofEpochSecond(claims.path("nbf").asLong(0));
                Instant expiry = Instant.ofEpochSecond(claims.path("exp").asLong(0));
                if (now.isBefore(from) || now.isAfter(expiry)) {
                    return refusal(now, from, expiry);
                }
                return new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TOKEN)
                        .build();
            } catch (Exception e) {
                return new ResponseDefinitionBuilder().withStatus(400).withBody("not a client assertion").build();
            }
        }

        private ResponseDefinition refusal(Instant now, Instant from, Instant expiry) {
            String description = "AADSTS700024: Client assertion is not within its valid time range. Current time: "
                    + now + ", assertion valid from " + from + ", expiry time of assertion " + expiry + ". Review the"
                    + " documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials ."
                    + "\\r\\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\\r\\nCorrelation ID:"
                    + " aaaa0000-bb11-2222-33cc-444444dddddd\\r\\nTimestamp: " + now;
            return new ResponseDefinitionBuilder().withStatus(401)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + description + "\","
                            + "\"error_codes\":[700024],\"timestamp\":\"" + now + "\","
                            + "\"trace_id\":\"0000aaaa-11bb-cccc-dd33-eeeeee333333\","
                            + "\"correlation_id\":\"aaaa0000-bb11-2222-33cc-444444dddddd\","
                            + "\"error_uri\":\"https://login.microsoftonline.com/error?code=700024\"}")
                    .build();
        }

        private static String formValue(String body, String name) {
            return Arrays.stream(body.split("&"))
                    .filter(p -> p.startsWith(name + "="))
                    .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
