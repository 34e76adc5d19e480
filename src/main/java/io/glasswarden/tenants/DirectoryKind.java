package io.glasswarden.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a tenant's directory data comes from: live Microsoft Graph, or an uploaded snapshot (offline audits, demo). */
public enum DirectoryKind {
    GRAPH("graph"), SNAPSHOT("snapshot");

    /** The wire values as a regular expression, for request validation. */
    public static final String WIRE_VALUES = "graph|snapshot";

    private final String wireValue;

    DirectoryKind(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    @JsonCreator
    public static DirectoryKind fromWire(String value) {
        for (DirectoryKind kind : values()) {
            if (kind.wireValue.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be graph or snapshot");
    }
}
