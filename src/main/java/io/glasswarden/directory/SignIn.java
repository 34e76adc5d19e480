package io.glasswarden.directory;

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

    public boolean succeeded() {
        return errorCode == 0;
    }
}
