package io.glasswarden.directory;

import java.time.Instant;

/** A certificate authority in the tenant's CBA trust store. */
public record TrustedCertificateAuthority(String issuer, String subjectKeyIdentifier, boolean rootAuthority,
        Instant expiresAt) {
}
