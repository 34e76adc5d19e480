package io.glasswarden.directory.snapshot;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/** Why a fact is missing from a snapshot; {@code reason} is a wire value of rules.md ({@code permission-denied} …). */
public record SnapshotGap(String data, String reason, String permission, String licence, String detail) {

    static SnapshotGap of(DataGap gap) {
        return new SnapshotGap(gap.data(), gap.reason().wireValue(), gap.permission(), gap.licence(), gap.detail());
    }

    DataGap toDataGap() {
        return new DataGap(data, reasonOf(reason), permission, licence, detail);
    }

    /** The reason for a wire value, or null when there is none such. */
    static UnknownReason reasonOf(String wire) {
        for (UnknownReason r : UnknownReason.values()) {
            if (r.wireValue().equals(wire)) {
                return r;
            }
        }
        return null;
    }
}
