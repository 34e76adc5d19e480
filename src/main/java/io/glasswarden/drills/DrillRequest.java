package io.glasswarden.drills;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.glasswarden.readiness.InventoryFacts.DrillOutcome;

/**
 * A drill as reported by the person who performed it. {@code credentialUsed} is free text; it should name the label of
 * one of the account's keys, and the drill's view says whether it does ({@code credentialKnown}).
 */
public record DrillRequest(
        @NotNull Instant performedAt,
        @NotBlank @Size(max = 320) String performedBy,
        @NotNull DrillOutcome outcome,
        @Size(max = 256) String credentialUsed,
        @Size(max = 4000) String notes) {
}
