package io.glasswarden.connection;

import java.util.List;

/**
 * The one table of what Glasswarden reads from Microsoft Graph: per kind of data, the application permission to grant
 * ({@code permission}), the permissions that also allow the read ({@code accepted}, the granted permission first), the
 * rules that cannot be judged without it, and the effect in words. docs/graph-permissions.md describes the same table
 * (GraphAccessTest checks that every rule named here is named there for its permission). Accepted alternatives are
 * limited to those Microsoft's Graph API pages list for the endpoints read.
 */
public enum GraphAccess {

    ACCOUNTS("User.Read.All", List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All"),
            List.of("BG-001", "BG-002", "BG-003", "BG-004", "BG-010", "BG-011", "BG-012",
                    "BG-013", "BG-014", "BG-015", "BG-016", "BG-018", "BG-020", "BG-021", "BG-022", "BG-030",
                    "BG-040", "BG-041", "BG-042", "BG-060", "BG-061", "BG-062"),
            "the accounts cannot be read: every account rule but custody is UNKNOWN",
            false), SIGN_INS("AuditLog.Read.All", List.of("AuditLog.Read.All"), List.of("BG-040", "BG-041", "BG-042"),
                    "sign-in activity and sign-in logs cannot be read: last sign-in, drill verification and unplanned"
                            + " sign-ins are not checked",
                    false), METHODS("UserAuthenticationMethod.Read.All", List.of("UserAuthenticationMethod.Read.All",
                            "UserAuthenticationMethod.ReadWrite.All"),
                            List.of("BG-010", "BG-011", "BG-012", "BG-013", "BG-014",
                                    "BG-015", "BG-016", "BG-021", "BG-022", "BG-060", "BG-061", "BG-062", "BG-T03"),
                            "registered authentication methods cannot be read: usable credentials, keys and Temporary Access Passes"
                                    + " are UNKNOWN",
                            false), GROUPS("GroupMember.Read.All",
                                    List.of("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All",
                                            "Directory.ReadWrite.All"),
                                    List.of("BG-012", "BG-018", "BG-020", "BG-021", "BG-022", "BG-030"),
                                    "roles held through groups cannot be seen (groups come back with limited information): Conditional"
                                            + " Access scope, method policy targeting and role facts are UNKNOWN",
                                    false), ROLES("RoleManagement.Read.Directory",
                                            List.of("RoleManagement.Read.Directory", "RoleManagement.Read.All",
                                                    "RoleManagement.ReadWrite.Directory"),
                                            List.of("BG-020", "BG-021", "BG-022", "BG-030"),
                                            "directory roles and PIM schedules cannot be read: Global Administrator and role-scoped Conditional"
                                                    + " Access policies are UNKNOWN, no candidates are suggested",
                                            false), METHODS_POLICY("Policy.Read.All",
                                                    List.of("Policy.Read.All", "Policy.Read.AuthenticationMethod",
                                                            "Policy.ReadWrite.AuthenticationMethod"),
                                                    List.of("BG-010", "BG-011", "BG-012", "BG-013", "BG-018"),
                                                    "the authentication methods policy (FIDO2, X.509) cannot be read",
                                                    false), POLICIES("Policy.Read.All", List.of("Policy.Read.All"),
                                                            List.of("BG-020", "BG-021", "BG-022", "BG-T04"),
                                                            "Conditional Access policies, authentication strengths and security defaults cannot be read",
                                                            false), TRUST_STORE("Organization.Read.All",
                                                                    List.of("Organization.Read.All",
                                                                            "Organization.ReadWrite.All",
                                                                            "Directory.Read.All",
                                                                            "Directory.ReadWrite.All"),
                                                                    List.of("BG-018"),
                                                                    "the legacy certificate-based authentication trust store cannot be read (BG-018 UNKNOWN unless the"
                                                                            + " PKI-based store lists a certificate authority); licences are not shown",
                                                                    false), PKI_TRUST_STORE(
                                                                            "PublicKeyInfrastructure.Read.All",
                                                                            List.of("PublicKeyInfrastructure.Read.All",
                                                                                    "PublicKeyInfrastructure.ReadWrite.All"),
                                                                            List.of("BG-018"),
                                                                            "the PKI-based certificate-based authentication trust store cannot be read (BG-018 UNKNOWN unless the"
                                                                                    + " legacy store lists a certificate authority); optional without certificate-based authentication",
                                                                            true);

    private final String permission;
    private final List<String> accepted;
    private final List<String> rules;
    private final String effect;
    private final boolean optional;

    GraphAccess(String permission, List<String> accepted, List<String> rules, String effect, boolean optional) {
        this.permission = permission;
        this.accepted = accepted;
        this.rules = rules;
        this.effect = effect;
        this.optional = optional;
    }

    public String permission() {
        return permission;
    }

    public List<String> accepted() {
        return accepted;
    }

    public List<String> rules() {
        return rules;
    }

    public String effect() {
        return effect;
    }

    public boolean optional() {
        return optional;
    }

    /** Whether any accepted permission (compared ignoring case) is among {@code granted}. */
    public boolean coveredBy(List<String> granted) {
        return granted.stream().anyMatch(g -> accepted.stream().anyMatch(a -> a.equalsIgnoreCase(g)));
    }

    /** The permissions to grant, in table order, without repeats (the least set of docs/graph-permissions.md). */
    public static List<String> required() {
        return java.util.Arrays.stream(values()).map(GraphAccess::permission).distinct().toList();
    }
}
