package io.glasswarden.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A physical credential (FIDO2 key, smart card) of an emergency account, where it is kept. */
public record PhysicalKey(
        @NotBlank @Size(max = 256) String label,
        @Size(max = 128) String serialNumber,
        @Size(max = 512) String location) {
}
