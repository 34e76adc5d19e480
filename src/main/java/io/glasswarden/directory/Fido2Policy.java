package io.glasswarden.directory;

import java.util.List;

/**
 * The tenant's FIDO2 (passkey) authentication method configuration. {@code passkeyProfiles} is empty for tenants that
 * have not migrated to passkey profiles; then the top-level {@code keyRestrictions} apply.
 */
public record Fido2Policy(
        String state,
        List<PolicyTarget> includeTargets,
        List<PolicyTarget> excludeTargets,
        KeyRestrictions keyRestrictions,
        List<PasskeyProfile> passkeyProfiles,
        String defaultPasskeyProfile) {
}
