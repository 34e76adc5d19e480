package io.glasswarden.reviews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post-use review: {@code status} {@code OPEN}, {@code OVERDUE} (open past {@code dueAt}) or {@code COMPLETED}; one
 * entry per step with whether it is done, when, and (credentials step) what an operator recorded.
 */
public record ReviewView(UUID id, String tenantId, UUID accountId, String signInId, String classification,
        Instant signInAt, Instant openedAt, String openedBy, Instant dueAt, String status, Instant completedAt,
        List<Step> steps) {

    /** One step of the review. */
    public record Step(String step, boolean done, Instant doneAt, String action, String note, String recordedBy) {
    }
}
