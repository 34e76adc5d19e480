package io.glasswarden.directory;

/**
 * A CBA authentication mode rule: certificates matching {@code identifier} (an issuer subject, a policy OID, or both
 * joined by a space for {@code issuerSubjectAndPolicyOID}) get {@code mode}, and need a binding of
 * {@code requiredAffinity} ({@code low}, {@code high}; null = the configuration's default).
 */
public record CertificateAuthenticationRule(String ruleType, String identifier, String mode,
        String requiredAffinity) {

    /** A rule without its own required affinity level. */
    public CertificateAuthenticationRule(String ruleType, String identifier, String mode) {
        this(ruleType, identifier, mode, null);
    }
}
