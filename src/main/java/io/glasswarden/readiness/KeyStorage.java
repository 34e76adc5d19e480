package io.glasswarden.readiness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/**
 * Where a FIDO2 credential lives, as far as the directory tells: the {@code passkeyType} Graph reports, or, when Graph
 * omits it, what the AAGUID says (rules.md v1.1 "passkeyType absent"): a hardware key model of the AAGUID catalogue is
 * device-bound, a known synced-passkey provider is synced, anything else is unknown. {@code why} says which fact
 * decided; {@code phoneOrCloud} names a store BG-015 rejects whatever the type (Microsoft Authenticator, a synced
 * provider), else null.
 */
public record KeyStorage(Type type, String why, String phoneOrCloud) {

    /** Device-bound, synced, or not known. */
    public enum Type {
        DEVICE_BOUND, SYNCED, UNKNOWN
    }

    /** Microsoft Authenticator passkeys (device-bound, on a phone): Android, iOS (Microsoft Learn). */
    static final List<String> AUTHENTICATOR_AAGUIDS = List.of("de1e552d-db1d-4423-a619-566b625cdc84",
            "90a3ccdf-635c-4729-a248-9b709135078f");

    public static KeyStorage of(AuthenticationMethod key, AaguidCatalogue catalogue) {
        String aaguid = key.aaGuid() == null ? null : key.aaGuid().toLowerCase(Locale.ROOT);
        Optional<String> provider = catalogue.syncedProvider(aaguid);
        String phoneOrCloud = AUTHENTICATOR_AAGUIDS.contains(aaguid)
                ? "Microsoft Authenticator passkey"
                : provider.map(p -> "passkey of " + p + ", a synced-passkey provider").orElse(null);
        String reported = key.passkeyType();
        if (reported != null && !reported.isBlank()) {
            Type type = Fido2Eligibility.SYNCED.equalsIgnoreCase(reported) ? Type.SYNCED : Type.DEVICE_BOUND;
            return new KeyStorage(type, "passkeyType " + reported + " reported by Microsoft Graph", phoneOrCloud);
        }
        if (provider.isPresent()) {
            return new KeyStorage(Type.SYNCED, "no passkeyType; AAGUID of synced-passkey provider " + provider.get(),
                    phoneOrCloud);
        }
        if (AUTHENTICATOR_AAGUIDS.contains(aaguid)) {
            return new KeyStorage(Type.DEVICE_BOUND, "no passkeyType; Microsoft Authenticator passkeys are "
                    + "device-bound", phoneOrCloud);
        }
        Optional<AaguidCatalogue.Authenticator> model = catalogue.find(aaguid)
                .filter(AaguidCatalogue.Authenticator::hardwareKey);
        if (model.isPresent()) {
            return new KeyStorage(Type.DEVICE_BOUND, "no passkeyType; AAGUID of hardware key model "
                    + model.get().model() + " in the AAGUID catalogue", null);
        }
        return new KeyStorage(Type.UNKNOWN, "no passkeyType, and AAGUID " + aaguid + " is neither a hardware key "
                + "model in the AAGUID catalogue nor a known synced-passkey provider", null);
    }

    /** The data gap of a key whose storage is unknown: names the key and what is missing. */
    public static DataGap gap(AuthenticationMethod key) {
        return DataGap.of("passkey type of FIDO2 key '" + key.displayName() + "' (" + key.id() + ")",
                UnknownReason.NOT_REPORTED, "Microsoft Graph sent no passkeyType and AAGUID " + key.aaGuid()
                        + " is neither a hardware key model in the AAGUID catalogue nor a known synced-passkey provider");
    }

    public boolean synced() {
        return type == Type.SYNCED;
    }

    public boolean unknown() {
        return type == Type.UNKNOWN;
    }
}
