package io.glasswarden.directory.graph;

/**
 * The kinds of data read from Graph, with the least application permission each needs and the licence Graph may
 * demand (graph-reference §0). Names appear in {@code DataGap.data}.
 */
enum DataArea {
    USER("user", "User.Read.All", null), SIGN_IN_ACTIVITY("sign-in activity", "AuditLog.Read.All",
            "Microsoft Entra ID P1"), METHODS("authentication methods", "UserAuthenticationMethod.Read.All", null),
    // with only User.Read.All, groups come back with "limited information" (no isAssignableToRole)
    GROUPS("group memberships", "GroupMember.Read.All", null), ROLE_ASSIGNMENTS("directory role assignments",
            "RoleManagement.Read.Directory", null), ACTIVE_ROLE_SCHEDULES("active role schedules (PIM)",
                    "RoleManagement.Read.Directory", "Microsoft Entra ID P2"), ELIGIBLE_ROLE_SCHEDULES(
                            "eligible role schedules (PIM)", "RoleManagement.Read.Directory",
                            "Microsoft Entra ID P2"), METHODS_POLICY("authentication methods policy",
                                    "Policy.Read.AuthenticationMethod",
                                    null), CONDITIONAL_ACCESS("Conditional Access policies", "Policy.Read.All",
                                            "Microsoft Entra ID P1"), AUTHENTICATION_STRENGTHS(
                                                    "authentication strengths", "Policy.Read.All",
                                                    null), SECURITY_DEFAULTS("security defaults", "Policy.Read.All",
                                                            null), TRUST_STORE(
                                                                    "certificate-based authentication trust store",
                                                                    "Organization.Read.All",
                                                                    null), PKI_TRUST_STORE(
                                                                            "PKI-based certificate-based authentication trust store",
                                                                            "PublicKeyInfrastructure.Read.All",
                                                                            null), SIGN_INS("sign-in logs",
                                                                                    "AuditLog.Read.All",
                                                                                    "Microsoft Entra ID P1"), GLOBAL_ADMINISTRATORS(
                                                                                            "Global Administrator assignments",
                                                                                            "RoleManagement.Read.Directory",
                                                                                            null);

    private final String data;
    private final String permission;
    private final String licence;

    DataArea(String data, String permission, String licence) {
        this.data = data;
        this.permission = permission;
        this.licence = licence;
    }

    String data() {
        return data;
    }

    String permission() {
        return permission;
    }

    /** The licence Graph asks for when it refuses for licensing reasons (P1 when the area names none). */
    String licence() {
        return licence != null ? licence : "Microsoft Entra ID P1";
    }
}
