package io.glasswarden.directory;

/** A CBA username binding: certificate field (e.g. {@code PrincipalName}) to user property (e.g. {@code certificateUserIds}). */
public record CertificateUserBinding(String x509CertificateField, String userProperty, Integer priority,
        String trustAffinityLevel) {
}
