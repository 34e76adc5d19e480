package io.glasswarden.directory;

import java.util.List;

/**
 * An authentication strength policy. {@code allowedCombinations} are Graph's comma-joined method modes (e.g.
 * {@code fido2}, {@code windowsHelloForBusiness}, {@code x509CertificateMultiFactor}). {@code fido2AllowedAaguids} is
 * the lower-case AAGUID list of a {@code fido2CombinationConfiguration}, or empty when keys are not restricted.
 * {@code x509AllowedIssuerSkis} and {@code x509AllowedPolicyOids} are the {@code allowedIssuerSkis} and
 * {@code allowedPolicyOIDs} of an {@code x509CertificateCombinationConfiguration} that applies to
 * {@code x509CertificateMultiFactor}; empty when certificates are not restricted.
 */
public record AuthenticationStrength(String id, String displayName, List<String> allowedCombinations,
        List<String> fido2AllowedAaguids, List<String> x509AllowedIssuerSkis, List<String> x509AllowedPolicyOids) {

    /** A strength without certificate restrictions. */
    public AuthenticationStrength(String id, String displayName, List<String> allowedCombinations,
            List<String> fido2AllowedAaguids) {
        this(id, displayName, allowedCombinations, fido2AllowedAaguids, List.of(), List.of());
    }
}
