package io.glasswarden.directory;

import java.util.List;

/**
 * An include or exclude target of an authentication method policy: {@code id} is a user id, a group id or
 * {@code all_users}; {@code targetType} is {@code user} or {@code group}. {@code allowedPasskeyProfiles} is set only on
 * FIDO2 include targets of tenants that use passkey profiles (empty = the default profile).
 */
public record PolicyTarget(String id, String targetType, List<String> allowedPasskeyProfiles) {

    public static final String ALL_USERS = "all_users";
}
