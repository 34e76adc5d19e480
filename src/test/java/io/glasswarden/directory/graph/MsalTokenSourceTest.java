package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.glasswarden.directory.DirectoryUnavailableException;

class MsalTokenSourceTest extends FakeGraphTest {

    private static final String TOKEN_PATH = "/" + TenantFixture.TENANT + "/oauth2/v2.0/token";

    private MsalTokenSource tokens(GraphSettings.Credential credential) {
        GraphSettings s = settings();
        return new MsalTokenSource(new GraphSettings(s.clientId(), credential, s.authorityHostOverride(),
                s.endpointOverride(), s.connectTimeout(), s.readTimeout(), s.retryBudget(), s.initialBackoff(),
                s.maxBackoff(), s.conditionalAccessInterval(), s.signInRequestsPerWindow(), s.signInWindow()),
                authority.trust);
    }

    private List<LoggedRequest> tokenRequests() {
        return authority.server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    private static String formValue(LoggedRequest request, String name) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .filter(p -> p.startsWith(name + "="))
                .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst()
                .orElse(null);
    }

    @Test
    void secretIsSentToTheTenantAuthorityForTheCloudScope() {
        String token = tokens(new GraphSettings.Secret("s3cr3t")).token(TenantFixture.TENANT,
                settings().endpoints(GraphCloud.GLOBAL), false);

        assertThat(token).isEqualTo("fake-access-token");
        LoggedRequest request = tokenRequests().get(0);
        assertThat(formValue(request, "client_secret")).isEqualTo("s3cr3t");
        assertThat(formValue(request, "client_id")).isEqualTo("app-client-id");
        assertThat(formValue(request, "grant_type")).isEqualTo("client_credentials");
        assertThat(formValue(request, "scope")).contains("https://graph.microsoft.com/.default");
    }

    @Test
    void usGovernmentTokensAreRequestedForTheUsGovernmentGraph() {
        tokens(new GraphSettings.Secret("s3cr3t")).token(TenantFixture.TENANT, settings().endpoints(GraphCloud.USGOV),
                false);
        tokens(new GraphSettings.Secret("s3cr3t")).token(TenantFixture.TENANT,
                settings().endpoints(GraphCloud.USGOVDOD), false);
        tokens(new GraphSettings.Secret("s3cr3t")).token(TenantFixture.TENANT, settings().endpoints(GraphCloud.CHINA),
                false);

        assertThat(tokenRequests()).extracting(r -> formValue(r, "scope"))
                .satisfiesExactly(
                        s -> assertThat(s.split(" ")).contains("https://graph.microsoft.us/.default"),
                        s -> assertThat(s.split(" ")).contains("https://dod-graph.microsoft.us/.default"),
                        s -> assertThat(s.split(" ")).contains("https://microsoftgraph.chinacloudapi.cn/.default"));
    }

    @Test
    void pemCertificateSignsAnAssertionForThatCertificate() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "app-pem");
        Path pem = TestCertificates.pem(p12, "app-pem", false);

        tokens(new GraphSettings.Certificate(pem, "")).token(TenantFixture.TENANT,
                settings().endpoints(GraphCloud.GLOBAL), false);

        assertAssertionNamesCertificate(tokenRequests().get(0), p12, "app-pem");
    }

    @Test
    void pemWithPkcs1KeyAlsoWorks() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "app-pkcs1");
        Path pem = TestCertificates.pem(p12, "app-pkcs1", true);

        tokens(new GraphSettings.Certificate(pem, "")).token(TenantFixture.TENANT,
                settings().endpoints(GraphCloud.GLOBAL), false);

        assertAssertionNamesCertificate(tokenRequests().get(0), p12, "app-pkcs1");
    }

    @Test
    void pkcs12CertificateSignsAnAssertion() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "app-p12");

        tokens(new GraphSettings.Certificate(p12, TestCertificates.PASSWORD)).token(TenantFixture.TENANT,
                settings().endpoints(GraphCloud.GLOBAL), false);

        assertAssertionNamesCertificate(tokenRequests().get(0), p12, "app-p12");
    }

    @Test
    void workloadIdentityRereadsTheTokenFileForEveryTokenRequest() throws Exception {
        Path file = dir.resolve("azure-identity-token");
        Files.writeString(file, "first-projected-token\n");
        MsalTokenSource tokens = tokens(new GraphSettings.FederatedTokenFile(file));

        tokens.token(TenantFixture.TENANT, settings().endpoints(GraphCloud.GLOBAL), true);
        Files.writeString(file, "second-projected-token\n");
        tokens.token(TenantFixture.TENANT, settings().endpoints(GraphCloud.GLOBAL), true);

        assertThat(tokenRequests()).extracting(r -> formValue(r, "client_assertion"))
                .containsExactly("first-projected-token", "second-projected-token");
        assertThat(formValue(tokenRequests().get(0), "client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    @Test
    void refusedCredentialsMakeTheDirectoryUnavailable() {
        authority.server.resetAll();
        authority.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(TenantFixture.json("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215\","
                        + "\"error_codes\":[7000215]}").withStatus(401)));

        assertThatThrownBy(() -> directory().read(TENANT, ONE, time.instant()))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("s3cr3t");
        assertThat(graph.clientRequests()).isZero();
    }

    @Test
    void aClockBehindEntrasGetsTheCertificateAssertionRefusedAsAadsts700024ThatNamesTheClock() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "app-skew");
        MsalTokenSource tokens = tokens(new GraphSettings.Certificate(p12, TestCertificates.PASSWORD));
        authority.checkAssertionTimes();
        CloudEndpoints endpoints = settings().endpoints(GraphCloud.GLOBAL);
        assertThat(tokens.token(TenantFixture.TENANT, endpoints, true)).as("clocks agree")
                .isEqualTo(
                        "fake-access-token");

        // MSAL signs the assertion with this machine's clock, valid 10 minutes (graph-reference.md 11.1): one hour
        // behind Entra's, it expired before it was sent
        authority.clockAhead = Duration.ofHours(1);
        try {
            assertThatThrownBy(() -> tokens.token(TenantFixture.TENANT, endpoints, true))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining("Entra answered 401 AADSTS700024 (invalid_client)")
                    .hasMessageContaining("this machine's clock")
                    .hasMessageContaining("trace id 0000aaaa-11bb-cccc-dd33-eeeeee333333")
                    .hasMessageNotContaining("Current time"); // Microsoft's description is never shown
        } finally {
            authority.clockAhead = Duration.ZERO;
        }
    }

    @Test
    void tokensAreOnlyGivenToTheConfiguredGraphHost() {
        CloudEndpoints endpoints = settings().endpoints(GraphCloud.GLOBAL);
        var provider = new GraphTokenProvider(tokens(new GraphSettings.Secret("s3cr3t")), TenantFixture.TENANT,
                endpoints);

        assertThat(provider.getAuthorizationToken(URI.create("https://evil.example.com/v1.0/users"), null)).isEmpty();
        assertThat(provider.getAuthorizationToken(URI.create("http://127.0.0.1:1/v1.0/users"), null)).isEmpty();
        assertThat(tokenRequests()).isEmpty();
        assertThat(provider.getAuthorizationToken(URI.create(graph.endpoint() + "/users"), null))
                .isEqualTo("fake-access-token");
    }

    private static void assertAssertionNamesCertificate(LoggedRequest request, Path p12, String alias)
            throws Exception {
        assertThat(request).isNotNull();
        assertThat(authority.server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_assertion=")))).isNotEmpty();
        String assertion = formValue(request, "client_assertion");
        String header = new String(Base64.getUrlDecoder().decode(assertion.split("\\.")[0]), StandardCharsets.UTF_8);
        byte[] der = TestCertificates.load(p12).getCertificate(alias).getEncoded();
        // MSAL4J 1.26 writes the SHA-256 thumbprint in standard Base64 (with padding), not base64url
        String thumbprint = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
        assertThat(header).contains("\"x5t#S256\":\"" + thumbprint + "\"").contains("RS256");
        assertThat(formValue(request, "client_secret")).isNull();
    }
}
