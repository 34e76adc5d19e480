package io.glasswarden.directory;

/** Why a fact could not be read; the wire value is the {@code reason} of an UNKNOWN finding (rules.md). */
public enum UnknownReason {
    GRAPH_ERROR("graph-error"), THROTTLED("throttled"), TIMEOUT("timeout"), PERMISSION_DENIED(
            "permission-denied"), LICENSE_REQUIRED("license-required"), NOT_FOUND("not-found"),
    /** The tenant's national cloud does not offer the API (rules.md "National clouds"). */
    NOT_AVAILABLE_IN_CLOUD("not-available-in-cloud"),
    /**
     * Microsoft Graph does not report the fact and nothing else read settles it (a FIDO2 method without
     * {@code passkeyType} whose AAGUID is in neither list; the certificate a CBA account presents, which Entra does
     * not store).
     */
    NOT_REPORTED("not-reported");

    private final String wireValue;

    UnknownReason(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
