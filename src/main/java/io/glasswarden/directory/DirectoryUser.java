package io.glasswarden.directory;

import java.time.Instant;
import java.util.List;

/**
 * A user as read from {@code /users/{id}}. {@code onPremisesSyncEnabled} is null for never-synced (cloud-only) users;
 * {@code certificateUserIds} comes from {@code authorizationInfo}.
 */
public record DirectoryUser(
        String id,
        String userPrincipalName,
        String displayName,
        Boolean accountEnabled,
        Boolean onPremisesSyncEnabled,
        String userType,
        Instant createdDateTime,
        List<String> certificateUserIds) {
}
