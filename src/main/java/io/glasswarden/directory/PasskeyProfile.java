package io.glasswarden.directory;

import java.util.List;

/** A FIDO2 passkey profile: {@code passkeyTypes} holds {@code deviceBound} and/or {@code synced}. */
public record PasskeyProfile(String id, String name, List<String> passkeyTypes, KeyRestrictions keyRestrictions) {
}
