package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreMapperTest {

    @TempDir
    Path dir;

    @Test
    void expiryComesFromTheCertificateAuthorityCertificate() throws Exception {
        Path p12 = TestCertificates.pkcs12(dir, "contoso-ca");
        X509Certificate cert = (X509Certificate) TestCertificates.load(p12).getCertificate("contoso-ca");
        String body = """
                {"value":[{"id":"c1","certificateAuthorities":[
                  {"isRootAuthority":true,"certificate":"%s","issuer":"CN=contoso-ca","issuerSki":"AB12"},
                  {"isRootAuthority":false,"certificate":"bm90IGEgY2VydA==","issuer":"CN=broken","issuerSki":"CD34"}]}]}
                """.formatted(Base64.getEncoder().encodeToString(cert.getEncoded()));

        var authorities = TrustStoreMapper.authorities(GraphTransport.JSON.readTree(body));

        assertThat(authorities).hasSize(2);
        assertThat(authorities.get(0).expiresAt()).isEqualTo(cert.getNotAfter().toInstant());
        assertThat(authorities.get(0).rootAuthority()).isTrue();
        assertThat(authorities.get(0).subjectKeyIdentifier()).isEqualTo("AB12");
        assertThat(authorities.get(1).expiresAt()).isNull();
    }
}
