package io.glasswarden.directory;

/**
 * The Microsoft Entra ID plans a tenant has: P1 (Conditional Access, sign-in logs, {@code signInActivity}) and P2
 * (Privileged Identity Management schedules). A tenant with P2 has P1.
 */
public record EntraLicences(boolean entraIdP1, boolean entraIdP2) {
}
