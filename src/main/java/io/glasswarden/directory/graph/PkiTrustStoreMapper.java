package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.text;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.TrustedCertificateAuthority;

/**
 * Maps the PKI-based CBA trust store: the PKI list {@code /directory/publicKeyInfrastructure/
 * certificateBasedAuthConfigurations} and each PKI's {@code certificateAuthorities} ({@code certificateAuthorityDetail}).
 * Expiry is {@code expirationDateTime}, else read from the CA certificate like {@link TrustStoreMapper} does.
 */
final class PkiTrustStoreMapper {

    private PkiTrustStoreMapper() {
    }

    /** The ids of the PKIs ({@code certificateBasedAuthPki}) in list order. */
    static List<String> pkiIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode pki : body.path("value")) {
            String id = text(pki, "id");
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    static List<TrustedCertificateAuthority> authorities(JsonNode body) {
        List<TrustedCertificateAuthority> out = new ArrayList<>();
        for (JsonNode ca : body.path("value")) {
            out.add(new TrustedCertificateAuthority(text(ca, "issuer"), text(ca, "issuerSubjectKeyIdentifier"),
                    "root".equalsIgnoreCase(text(ca, "certificateAuthorityType")), expiry(ca)));
        }
        return List.copyOf(out);
    }

    private static Instant expiry(JsonNode ca) {
        try {
            Instant stated = JsonFields.instant(ca, "expirationDateTime");
            if (stated != null) {
                return stated;
            }
        } catch (DateTimeParseException e) {
            // an unreadable date falls back to the certificate, like a missing one
        }
        return TrustStoreMapper.expiry(text(ca, "certificate"));
    }
}
