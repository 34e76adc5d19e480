package io.glasswarden.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST …/accounts/{id}/reviews}: the operator records the credentials step of the account's open
 * review: {@code action} {@code ROTATED} (new credentials) or {@code RESEALED} (keys checked and sealed again), and
 * {@code note}, what was done.
 */
public record CredentialsStepRequest(
        @NotNull @Pattern(regexp = "ROTATED|RESEALED", message = "must be ROTATED or RESEALED") String action,
        @NotBlank @Size(max = 4000) String note) {
}
