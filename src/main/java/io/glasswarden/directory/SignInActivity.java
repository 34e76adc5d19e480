package io.glasswarden.directory;

import java.time.Instant;

/** {@code signInActivity} of a user (needs AuditLog.Read.All and Entra ID P1); all fields may be null. */
public record SignInActivity(Instant lastSignIn, Instant lastSuccessfulSignIn, Instant lastNonInteractiveSignIn) {
}
