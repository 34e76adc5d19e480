package io.glasswarden.signins;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The review of a sign-in or a new method: what it was, and why the reviewer thinks so. */
public record AcknowledgementRequest(@NotNull Acknowledgement.Classification classification,
        @Size(max = 4000) String note) {
}
