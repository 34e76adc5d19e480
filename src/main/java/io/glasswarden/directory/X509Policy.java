package io.glasswarden.directory;

import java.util.List;

/**
 * The tenant's X.509 certificate (CBA) configuration. {@code defaultMode} is {@code x509CertificateSingleFactor} or
 * {@code x509CertificateMultiFactor}; {@code defaultRequiredAffinity} ({@code low}, {@code high}) is Graph's
 * {@code x509CertificateDefaultRequiredAffinityLevel}, null when Graph does not send it (Entra's default is low).
 */
public record X509Policy(
        String state,
        List<PolicyTarget> includeTargets,
        List<PolicyTarget> excludeTargets,
        List<CertificateUserBinding> bindings,
        String defaultMode,
        List<CertificateAuthenticationRule> rules,
        String defaultRequiredAffinity) {

    /** A configuration without a required affinity level. */
    public X509Policy(String state, List<PolicyTarget> includeTargets, List<PolicyTarget> excludeTargets,
            List<CertificateUserBinding> bindings, String defaultMode, List<CertificateAuthenticationRule> rules) {
        this(state, includeTargets, excludeTargets, bindings, defaultMode, rules, null);
    }
}
