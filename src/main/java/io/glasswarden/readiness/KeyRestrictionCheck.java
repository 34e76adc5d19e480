package io.glasswarden.readiness;

import java.util.List;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.KeyRestrictions;
import io.glasswarden.directory.UnknownReason;

/** Whether FIDO2 key restrictions permit an AAGUID (rules.md condition 3; AAGUIDs compared case-insensitively). */
final class KeyRestrictionCheck {

    private KeyRestrictionCheck() {
    }

    /** {@code source} names the restriction in the reason, e.g. "the legacy FIDO2 key restrictions". */
    static Judgement permits(KeyRestrictions restrictions, String aaGuid, String source) {
        if (restrictions == null || !Boolean.TRUE.equals(restrictions.isEnforced())) {
            return Judgement.yes(source + " are not enforced");
        }
        boolean listed = contains(restrictions.aaGuids(), aaGuid);
        String type = restrictions.enforcementType() == null ? "" : restrictions.enforcementType();
        if (type.equalsIgnoreCase("allow")) {
            return listed
                    ? Judgement.yes("on the allow list of " + source)
                    : Judgement.no("not on the allow list of " + source);
        }
        if (type.equalsIgnoreCase("block")) {
            return listed
                    ? Judgement.no("on the block list of " + source)
                    : Judgement.yes("not on the block list of " + source);
        }
        return Judgement.unknown(
                DataGap.of("FIDO2 key restrictions", UnknownReason.GRAPH_ERROR,
                        "unrecognised enforcement type '" + type + "'"),
                source + " use an unrecognised enforcement type '" + type + "'");
    }

    static boolean contains(List<String> values, String value) {
        return value != null && values != null && values.stream().anyMatch(value::equalsIgnoreCase);
    }
}
