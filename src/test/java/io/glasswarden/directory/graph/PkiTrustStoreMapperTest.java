package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiTrustStoreMapperTest {

    @TempDir
    Path dir;

    @Test
    void mapsCertificateAuthorityDetailsWithTheStatedExpiryElseTheCertificates() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "fabrikam-ca");
        X509Certificate cert = (X509Certificate) TestCertificates.load(p12).getCertificate("fabrikam-ca");
        String body = """
                {"value":[
                  {"id":"1","certificateAuthorityType":"root","issuer":"CN=Fabrikam Root",
                   "issuerSubjectKeyIdentifier":"AB12","expirationDateTime":"2031-05-06T07:08:09Z","certificate":null},
                  {"id":"2","certificateAuthorityType":"intermediate","issuer":"CN=fabrikam-ca",
                   "issuerSubjectKeyIdentifier":"CD34","certificate":"%s"},
                  {"id":"3","certificateAuthorityType":"intermediate","issuer":"CN=broken",
                   "expirationDateTime":"not a date","certificate":"bm90IGEgY2VydA=="}]}
                """.formatted(Base64.getEncoder().encodeToString(cert.getEncoded()));

        var authorities = PkiTrustStoreMapper.authorities(GraphTransport.JSON.readTree(body));

        assertThat(authorities).hasSize(3);
        assertThat(authorities.get(0).rootAuthority()).isTrue();
        assertThat(authorities.get(0).subjectKeyIdentifier()).isEqualTo("AB12");
        assertThat(authorities.get(0).expiresAt()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
        assertThat(authorities.get(1).rootAuthority()).isFalse();
        assertThat(authorities.get(1).expiresAt()).isEqualTo(cert.getNotAfter().toInstant());
        assertThat(authorities.get(2).expiresAt()).isNull();
    }

    @Test
    void listsThePkiIds() throws Exception {
        var ids = PkiTrustStoreMapper.pkiIds(GraphTransport.JSON.readTree("""
                {"value":[{"id":"p1","displayName":"A","status":"succeeded"},{"displayName":"no id"},{"id":"p2"}]}
                """));

        assertThat(ids).containsExactly("p1", "p2");
    }
}
