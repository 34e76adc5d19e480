package io.glasswarden.attestations;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.glasswarden.readiness.InventoryFacts.AttestationKind;

/** An attestation to record: who vouches for what, in their words, and which keys they saw. */
public record AttestationRequest(
        @NotNull AttestationKind kind,
        @NotBlank @Size(max = 320) String attestedBy,
        @NotBlank @Size(max = 4000) String statement,
        @Size(max = 50) List<@NotBlank @Size(max = 256) String> keysSighted) {
}
