package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.readiness.rules.Bg018CertificateAuthRule;

/** The legacy and the PKI-based CBA trust stores, read together and merged fail closed (BG-018). */
class GraphTrustStoreTest extends FakeGraphTest {

    private static final String LEGACY = "/v1.0/organization/[^/]+/certificateBasedAuthConfiguration";
    private static final String PKI_A = "7f3c1b2a-0000-4000-8000-00000000000a";
    private static final String PKI_B = "7f3c1b2a-0000-4000-8000-00000000000b";

    private void emptyLegacyStore() {
        graph.server.stubFor(get(urlPathMatching(LEGACY)).atPriority(1)
                .willReturn(TenantFixture.json("{\"value\":[{\"id\":\"c1\",\"certificateAuthorities\":[]}]}")));
    }

    private void pkis(String... ids) {
        StringBuilder value = new StringBuilder();
        for (String id : ids) {
            value.append(value.isEmpty() ? "" : ",")
                    .append("{\"id\":\"%s\",\"displayName\":\"PKI %s\",\"status\":\"succeeded\"}".formatted(id, id));
        }
        graph.server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS)).atPriority(1)
                .willReturn(TenantFixture.json("{\"value\":[" + value + "]}")));
    }

    private void authorities(String pkiId, String issuer, String type) {
        graph.server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS + "/" + pkiId + "/certificateAuthorities"))
                .atPriority(1)
                .willReturn(TenantFixture.json("""
                        {"value":[{"id":"ca-%s","displayName":"%s","certificate":null,
                          "certificateAuthorityType":"%s","thumbprint":"AA11","issuer":"%s",
                          "issuerSubjectKeyIdentifier":"SKI-%s","expirationDateTime":"2030-01-01T00:00:00Z",
                          "isIssuerHintEnabled":false,"certificateRevocationListUrl":null,
                          "deltaCertificateRevocationListUrl":null}]}
                        """.formatted(pkiId, issuer, type, issuer, pkiId))));
    }

    private void pkiListDenied() {
        graph.server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS)).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));
    }

    @Test
    void aTenantWithoutPkisCostsNoExtraRequestAndKeepsTheLegacyStore() {
        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().value()).extracting(
                TrustedCertificateAuthority::issuer).containsExactly("CN=Contoso Root");
        assertThat(graph.stepsTo("/publicKeyInfrastructure/certificateBasedAuthConfigurations")).hasSize(1);
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }

    @Test
    void aPkiOnlyTenantHasItsCertificateAuthorityTrustedAndCanPassBg018() {
        emptyLegacyStore();
        pkis(PKI_A);
        authorities(PKI_A, "CN=Fabrikam Root", "root");

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        List<TrustedCertificateAuthority> cas = reading.tenant().trustedCertificateAuthorities().value();
        assertThat(cas).containsExactly(new TrustedCertificateAuthority("CN=Fabrikam Root", "SKI-" + PKI_A, true,
                Instant.parse("2030-01-01T00:00:00Z")));
        // the PKI's authorities ride in the second round, which is sent anyway
        assertThat(graph.stepsTo("/" + PKI_A + "/certificateAuthorities")).hasSize(1);
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
        // the X.509 policy read from the fake Graph, for an account in no excluded group: BG-018 passes
        var bg018 = FactsBuilder.ready()
                .certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com")
                .x509(reading.tenant().x509Policy().value(), cas.toArray(TrustedCertificateAuthority[]::new))
                .evaluate(new Bg018CertificateAuthRule());
        assertThat(bg018.result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void aDeniedPkiListWithAnEmptyLegacyStoreLeavesTheTrustStoreUnknown() {
        emptyLegacyStore();
        pkiListDenied();

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        DataGap gap = reading.tenant().trustedCertificateAuthorities().missing().orElseThrow();
        assertThat(gap).isEqualTo(DataGap.permission("PKI-based certificate-based authentication trust store",
                "PublicKeyInfrastructure.Read.All"));
        assertThat(gap.reason()).isEqualTo(UnknownReason.PERMISSION_DENIED);
    }

    @Test
    void aDeniedPkiListIsNoGapWhenTheLegacyStoreHasACertificateAuthority() {
        pkiListDenied();

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().value()).singleElement()
                .satisfies(ca -> assertThat(ca.issuer()).isEqualTo("CN=Contoso Root"))
                .satisfies(ca -> assertThat(ca.rootAuthority()).isTrue());
    }

    @Test
    void aDeniedLegacyStoreStillNamesOrganizationReadAllWhenNoPkiHasAnAuthority() {
        graph.server.stubFor(get(urlPathMatching(LEGACY)).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().missing().orElseThrow().permission())
                .isEqualTo("Organization.Read.All");
    }

    @Test
    void aDeniedLegacyStoreIsNoGapWhenAPkiHasACertificateAuthority() {
        graph.server.stubFor(get(urlPathMatching(LEGACY)).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));
        pkis(PKI_A);
        authorities(PKI_A, "CN=Fabrikam Root", "root");

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().value()).extracting(
                TrustedCertificateAuthority::issuer).containsExactly("CN=Fabrikam Root");
    }

    @Test
    void twoPkisGiveTheAuthoritiesOfBothAndOfTheLegacyStore() {
        pkis(PKI_A, PKI_B);
        authorities(PKI_A, "CN=Fabrikam Root", "root");
        authorities(PKI_B, "CN=Fabrikam Issuing", "intermediate");

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().value()).extracting(
                TrustedCertificateAuthority::issuer, TrustedCertificateAuthority::rootAuthority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CN=Contoso Root", true),
                        org.assertj.core.groups.Tuple.tuple("CN=Fabrikam Root", true),
                        org.assertj.core.groups.Tuple.tuple("CN=Fabrikam Issuing", false));
        assertThat(graph.stepsTo("/certificateAuthorities")).extracting(FakeGraph.Step::id)
                .containsExactlyInAnyOrder("t-pki0-authorities", "t-pki1-authorities");
        // both read as steps of the second round: no request beyond the two batches of a tenant without PKIs
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }

    @Test
    void anUnreadablePkiLeavesThePkiStoreUnknownWithItsGap() {
        emptyLegacyStore();
        pkis(PKI_A, PKI_B);
        authorities(PKI_A, "CN=Fabrikam Root", "root");
        graph.server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS + "/" + PKI_B + "/certificateAuthorities"))
                .atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().missing().orElseThrow().permission())
                .isEqualTo("PublicKeyInfrastructure.Read.All");
    }

    @Test
    void certificateAuthoritiesArePagedThroughTheirNextLink() {
        emptyLegacyStore();
        pkis(PKI_A);
        String path = TenantFixture.PKIS + "/" + PKI_A + "/certificateAuthorities";
        graph.server.stubFor(get(urlPathEqualTo(path)).atPriority(2)
                .willReturn(TenantFixture.json("{\"@odata.nextLink\":\"" + graph.endpoint() + path.substring(5)
                        + "?$skiptoken=p2\",\"value\":[{\"id\":\"ca-1\",\"certificateAuthorityType\":\"root\","
                        + "\"issuer\":\"CN=Page One\"}]}")));
        graph.server.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .withQueryParam("$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("p2"))
                .willReturn(TenantFixture.json("{\"value\":[{\"id\":\"ca-2\",\"certificateAuthorityType\":"
                        + "\"intermediate\",\"issuer\":\"CN=Page Two\"}]}")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().trustedCertificateAuthorities().value()).extracting(
                TrustedCertificateAuthority::issuer).containsExactly("CN=Page One", "CN=Page Two");
        assertThat(reading.requests()).isEqualTo(3).isEqualTo((int) graph.clientRequests());
    }
}
