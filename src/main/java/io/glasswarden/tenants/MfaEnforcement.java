package io.glasswarden.tenants;

import java.time.LocalDate;

/**
 * The tenant's own mandatory-MFA enforcement dates ({@code settings.mfaEnforcement}, api.md "Enforcement"): Microsoft
 * rolls each phase out per tenant and a Global Administrator may postpone it, so a tenant may set the date that applies
 * to it. A {@code null} date means "Microsoft's published date for the tenant's cloud" (docs/mandatory-mfa.md).
 */
public record MfaEnforcement(LocalDate phase1, LocalDate phase2) {

    public static MfaEnforcement published() {
        return new MfaEnforcement(null, null);
    }

    /** The tenant's date of a phase ({@code phase1}, {@code phase2}), or null to use the published one. */
    public LocalDate dateOf(String phase) {
        return switch (phase) {
            case "phase1" -> phase1;
            case "phase2" -> phase2;
            default -> null;
        };
    }
}
