package io.glasswarden.directory;

import java.util.List;

/** FIDO2 key restrictions: {@code enforcementType} {@code allow} or {@code block}; AAGUIDs in lower case. */
public record KeyRestrictions(Boolean isEnforced, String enforcementType, List<String> aaGuids) {
}
