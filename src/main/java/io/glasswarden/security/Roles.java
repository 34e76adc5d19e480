package io.glasswarden.security;

/**
 * The four roles of the API contract. Admin implies operator, operator implies auditor (see RoleHierarchyAugmentor), so
 * an endpoint names the weakest role that may call it.
 */
public final class Roles {
    /** Everything. */
    public static final String ADMIN = "glasswarden.admin";
    /** Everything but API keys and deletions. */
    public static final String OPERATOR = "glasswarden.operator";
    /** Read everything, export evidence, verify the ledger. */
    public static final String AUDITOR = "glasswarden.auditor";
    /** Read own accounts, record drills and attestations for them. */
    public static final String CUSTODIAN = "glasswarden.custodian";

    private Roles() {
    }
}
