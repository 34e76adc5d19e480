package io.glasswarden.directory;

import java.time.Instant;
import java.util.List;

/**
 * Tenant-wide data, read once per evaluation. {@code signIns} are the sign-ins of the inventoried accounts since
 * {@code signInsSince}: the effective start of the look-back, clamped to the logs' retention
 * ({@link SignIn#clampToRetention}).
 */
public record TenantFacts(
        Fact<Fido2Policy> fido2Policy,
        Fact<X509Policy> x509Policy,
        Fact<List<TrustedCertificateAuthority>> trustedCertificateAuthorities,
        Fact<List<ConditionalAccessPolicy>> conditionalAccessPolicies,
        Fact<List<AuthenticationStrength>> authenticationStrengths,
        Fact<Boolean> securityDefaultsEnabled,
        Fact<List<SignIn>> signIns,
        Instant signInsSince) {
}
