package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.AUTHENTICATOR_IOS;
import static io.glasswarden.readiness.FactsBuilder.ONE_PASSWORD;
import static io.glasswarden.readiness.FactsBuilder.WINDOWS_HELLO_AAGUID;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.keyWithoutType;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.KeyStorage.Type;

class KeyStorageTest {
    private static final AaguidCatalogue CATALOGUE = AaguidCatalogue.bundled();

    @Test
    void reportedPasskeyTypeDecidesWhenPresent() {
        KeyStorage bound = KeyStorage.of(key("k", WINDOWS_HELLO_AAGUID, "attested", "deviceBound"), CATALOGUE);
        KeyStorage synced = KeyStorage.of(key("k", YUBIKEY_5_NFC, "attested", "synced"), CATALOGUE);

        assertThat(bound.type()).isEqualTo(Type.DEVICE_BOUND);
        assertThat(bound.why()).isEqualTo("passkeyType deviceBound reported by Microsoft Graph");
        assertThat(synced.type()).isEqualTo(Type.SYNCED);
        assertThat(synced.why()).isEqualTo("passkeyType synced reported by Microsoft Graph");
    }

    @Test
    void withoutPasskeyTypeAHardwareKeyModelIsDeviceBound() {
        KeyStorage storage = KeyStorage.of(keyWithoutType("k", YUBIKEY_5_NFC.toUpperCase()), CATALOGUE);

        assertThat(storage.type()).isEqualTo(Type.DEVICE_BOUND);
        assertThat(storage.why()).contains("no passkeyType", "hardware key model YubiKey 5 Series with NFC");
        assertThat(storage.phoneOrCloud()).isNull();
    }

    @Test
    void withoutPasskeyTypeASyncedProviderIsSynced() {
        KeyStorage storage = KeyStorage.of(keyWithoutType("k", ONE_PASSWORD), CATALOGUE);

        assertThat(storage.type()).isEqualTo(Type.SYNCED);
        assertThat(storage.why()).contains("synced-passkey provider 1Password");
        assertThat(storage.phoneOrCloud()).isEqualTo("passkey of 1Password, a synced-passkey provider");
    }

    @Test
    void withoutPasskeyTypeAnAuthenticatorPasskeyIsDeviceBoundButOnAPhone() {
        KeyStorage storage = KeyStorage.of(keyWithoutType("k", AUTHENTICATOR_IOS), CATALOGUE);

        assertThat(storage.type()).isEqualTo(Type.DEVICE_BOUND);
        assertThat(storage.why()).contains("Microsoft Authenticator passkeys are device-bound");
        assertThat(storage.phoneOrCloud()).isEqualTo("Microsoft Authenticator passkey");
    }

    @Test
    void withoutPasskeyTypeAnyOtherAaguidIsUnknown() {
        KeyStorage storage = KeyStorage.of(keyWithoutType("k", WINDOWS_HELLO_AAGUID), CATALOGUE);

        assertThat(storage.type()).isEqualTo(Type.UNKNOWN);
        assertThat(storage.why()).contains(WINDOWS_HELLO_AAGUID, "neither a hardware key model");
    }

    @Test
    void aSyncedProviderAaguidIsNamedEvenWhenGraphSaysDeviceBound() {
        KeyStorage storage = KeyStorage.of(key("k", ONE_PASSWORD, "notAttested", "deviceBound"), CATALOGUE);

        assertThat(storage.type()).isEqualTo(Type.DEVICE_BOUND);
        assertThat(storage.phoneOrCloud()).contains("1Password");
    }

    @Test
    void theGapNamesTheKeyAndWhatIsMissing() {
        DataGap gap = KeyStorage.gap(keyWithoutType("k-9", WINDOWS_HELLO_AAGUID));

        assertThat(gap.reason()).isEqualTo(UnknownReason.NOT_REPORTED);
        assertThat(gap.data()).isEqualTo("passkey type of FIDO2 key 'BG key k-9' (k-9)");
        assertThat(gap.detail()).contains("sent no passkeyType", WINDOWS_HELLO_AAGUID);
    }

    @Test
    void anEmptyCatalogueKnowsNeitherModelsNorProviders() {
        assertThat(KeyStorage.of(keyWithoutType("k", YUBIKEY_5_NFC), AaguidCatalogue.empty()).type())
                .isEqualTo(Type.UNKNOWN);
        assertThat(KeyStorage.of(keyWithoutType("k", ONE_PASSWORD), AaguidCatalogue.empty()).type())
                .isEqualTo(Type.UNKNOWN);
    }
}
