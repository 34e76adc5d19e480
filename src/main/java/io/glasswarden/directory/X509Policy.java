package io.glasswarden.directory;

import java.util.List;

/**
 * The tenant's X.509 certificate (CBA) configuration. {@code defaultMode} is {@code x509CertificateSingleFactor} or
 * {@code x509CertificateMultiFactor}.
 */
public record X509Policy(
        String state,
        List<PolicyTarget> includeTargets,
        List<PolicyTarget> excludeTargets,
        List<CertificateUserBinding> bindings,
        String defaultMode,
        List<CertificateAuthenticationRule> rules) {
}
