package io.glasswarden.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The national cloud a tenant lives in; decides authority host and Graph endpoint. */
public enum Cloud {
    GLOBAL("global"), USGOV("usgov"), USGOVDOD("usgovdod"), CHINA("china");

    /** The wire values as a regular expression, for request validation. */
    public static final String WIRE_VALUES = "global|usgov|usgovdod|china";

    private final String wireValue;

    Cloud(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    @JsonCreator
    public static Cloud fromWire(String value) {
        for (Cloud cloud : values()) {
            if (cloud.wireValue.equals(value)) {
                return cloud;
            }
        }
        throw new IllegalArgumentException("must be one of global, usgov, usgovdod, china");
    }
}
