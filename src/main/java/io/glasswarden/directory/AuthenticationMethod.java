package io.glasswarden.directory;

import java.time.Instant;

/**
 * One registered authentication method. Kind-specific fields are null for other kinds:
 * <ul>
 * <li>FIDO2: {@code aaGuid} (lower case), {@code model}, {@code attestationLevel} ({@code attested},
 * {@code notAttested}), {@code passkeyType} ({@code deviceBound}, {@code synced}, or null when Graph omits it);</li>
 * <li>Windows Hello for Business and platform credential: {@code keyStrength} ({@code normal}, {@code weak},
 * {@code unknown});</li>
 * <li>Temporary Access Pass: {@code usable} (Graph {@code isUsable}), {@code usabilityReason} (Graph
 * {@code methodUsabilityReason}, e.g. {@code notYetValid}) and {@code startDateTime}.</li>
 * </ul>
 */
public record AuthenticationMethod(
        String id,
        MethodKind kind,
        String displayName,
        Instant createdDateTime,
        String aaGuid,
        String model,
        String attestationLevel,
        String passkeyType,
        String keyStrength,
        Boolean usable,
        String usabilityReason,
        Instant startDateTime) {

    /** A method without Temporary Access Pass details. */
    public AuthenticationMethod(String id, MethodKind kind, String displayName, Instant createdDateTime, String aaGuid,
            String model, String attestationLevel, String passkeyType, String keyStrength, Boolean usable) {
        this(id, kind, displayName, createdDateTime, aaGuid, model, attestationLevel, passkeyType, keyStrength, usable,
                null, null);
    }

    /** A Temporary Access Pass as Graph lists it. */
    public static AuthenticationMethod temporaryAccessPass(String id, Instant created, Boolean usable,
            String usabilityReason, Instant start) {
        return new AuthenticationMethod(id, MethodKind.TEMPORARY_ACCESS_PASS, null, created, null, null, null, null,
                null, usable, usabilityReason, start);
    }

    public static AuthenticationMethod fido2(String id, String displayName, Instant created, String aaGuid,
            String model, String attestationLevel, String passkeyType) {
        return new AuthenticationMethod(id, MethodKind.FIDO2, displayName, created,
                aaGuid == null ? null : aaGuid.toLowerCase(), model, attestationLevel, passkeyType, null, null);
    }

    public static AuthenticationMethod withKeyStrength(String id, MethodKind kind, String displayName,
            Instant created, String keyStrength) {
        return new AuthenticationMethod(id, kind, displayName, created, null, null, null, null, keyStrength, null);
    }

    public static AuthenticationMethod temporaryAccessPass(String id, Instant created, Boolean usable) {
        return new AuthenticationMethod(id, MethodKind.TEMPORARY_ACCESS_PASS, null, created, null, null, null, null,
                null, usable);
    }

    public static AuthenticationMethod other(String id, MethodKind kind, String displayName, Instant created) {
        return new AuthenticationMethod(id, kind, displayName, created, null, null, null, null, null, null);
    }
}
