package io.glasswarden.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * One sign-in log entry of an emergency account ({@code /auditLogs/signIns}). {@code errorCode} 0 means success.
 */
public record SignIn(
        String id,
        String userId,
        String userPrincipalName,
        Instant createdDateTime,
        int errorCode,
        String failureReason,
        Boolean interactive,
        String appDisplayName,
        String ipAddress) {

    /**
     * How long Microsoft Entra keeps sign-in logs with Entra ID P1/P2 (learn.microsoft.com "Microsoft Entra data
     * retention"; 7 days without, but v1.0 logs cannot be read at all then). Graph refuses older start dates.
     */
    public static final Duration LOG_RETENTION = Duration.ofDays(30);
    /** Kept inside the retention so that the start date is still valid when Graph checks it. */
    static final Duration RETENTION_MARGIN = Duration.ofHours(1);

    /** The oldest instant worth asking Graph's sign-in logs for at {@code now}. */
    public static Instant oldestReadable(Instant now) {
        return now.minus(LOG_RETENTION).plus(RETENTION_MARGIN);
    }

    /** {@code since}, moved forward to {@link #oldestReadable} when it lies before the logs' retention. */
    public static Instant clampToRetention(Instant since, Instant now) {
        Instant oldest = oldestReadable(now);
        return since == null || since.isBefore(oldest) ? oldest : since;
    }

    public boolean succeeded() {
        return errorCode == 0;
    }
}
