package io.glasswarden.directory;

import java.util.List;

/**
 * An authentication strength policy. {@code allowedCombinations} are Graph's comma-joined method modes (e.g.
 * {@code fido2}, {@code windowsHelloForBusiness}, {@code x509CertificateMultiFactor}). {@code fido2AllowedAaguids} is
 * the lower-case AAGUID list of a {@code fido2CombinationConfiguration}, or empty when keys are not restricted.
 */
public record AuthenticationStrength(String id, String displayName, List<String> allowedCombinations,
        List<String> fido2AllowedAaguids) {
}
