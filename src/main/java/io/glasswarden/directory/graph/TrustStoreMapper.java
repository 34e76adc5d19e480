package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.text;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.TrustedCertificateAuthority;

/**
 * Maps the legacy CBA trust store {@code /organization/{id}/certificateBasedAuthConfiguration}; expiry comes from the CA
 * certificate itself. The PKI-based store is mapped by {@link PkiTrustStoreMapper}.
 */
final class TrustStoreMapper {

    private TrustStoreMapper() {
    }

    static List<TrustedCertificateAuthority> authorities(JsonNode body) {
        List<TrustedCertificateAuthority> out = new ArrayList<>();
        JsonNode configurations = body.has("value") ? body.get("value") : body;
        for (JsonNode configuration : configurations.isArray() ? configurations : List.of(configurations)) {
            for (JsonNode ca : configuration.path("certificateAuthorities")) {
                out.add(new TrustedCertificateAuthority(text(ca, "issuer"), text(ca, "issuerSki"),
                        ca.path("isRootAuthority").asBoolean(false), expiry(text(ca, "certificate"))));
            }
        }
        return List.copyOf(out);
    }

    /** The {@code notAfter} of a base64 DER certificate, or null when absent or unreadable. */
    static Instant expiry(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
            return cert.getNotAfter().toInstant();
        } catch (CertificateException | IllegalArgumentException e) {
            return null; // an unreadable certificate leaves the expiry unknown, not the whole trust store
        }
    }
}
