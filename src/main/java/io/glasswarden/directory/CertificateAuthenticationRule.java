package io.glasswarden.directory;

/** A CBA authentication mode rule: certificates matching {@code identifier} get {@code mode}. */
public record CertificateAuthenticationRule(String ruleType, String identifier, String mode) {
}
