package io.glasswarden.directory;

/**
 * An active directory role assignment that reaches the user: directly ({@code principalId} = user id) or through a
 * role-assignable group ({@code viaGroup}, {@code principalId} = group id). {@code roleTemplateId} of built-in roles,
 * e.g. Global Administrator {@code 62e90394-69f5-4237-9190-012177145e10}.
 */
public record RoleAssignment(String id, String roleTemplateId, String directoryScopeId, String principalId,
        boolean viaGroup) {

    public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
}
