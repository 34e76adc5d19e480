package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

/** An acknowledgement as the API shows it. */
public record AcknowledgementView(
        UUID id,
        String tenantId,
        UUID accountId,
        Acknowledgement.Subject subject,
        String subjectId,
        Acknowledgement.Classification classification,
        String note,
        String acknowledgedBy,
        Instant acknowledgedAt) {
}
