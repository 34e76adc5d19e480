package io.glasswarden.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationMethod;

class AaguidCatalogueTest {

    @Test
    void bundledListHasEveryRow() {
        AaguidCatalogue catalogue = AaguidCatalogue.bundled();

        assertThat(catalogue.size()).isEqualTo(267);
        assertThat(catalogue.find("2FC0579F-8113-47EA-B116-BB5A8DB9202A")).hasValueSatisfying(a -> {
            assertThat(a.model()).isEqualTo("YubiKey 5 Series with NFC");
            assertThat(a.nfc()).isTrue();
            assertThat(a.biometric()).isFalse();
        });
    }

    @Test
    void securityKeyRowsAreHardwareKeysAndAuthenticatorRowsAreNot() {
        assertThat(AaguidCatalogue.bundled().find("2fc0579f-8113-47ea-b116-bb5a8db9202a"))
                .hasValueSatisfying(a -> assertThat(a.hardwareKey()).isTrue());
        assertThat(AaguidCatalogue.bundled().find("90a3ccdf-635c-4729-a248-9b709135078f"))
                .hasValueSatisfying(a -> assertThat(a.hardwareKey()).isFalse());
    }

    @Test
    void bundledSyncedProvidersComeFromTheCommunityList() {
        AaguidCatalogue catalogue = AaguidCatalogue.bundled();

        assertThat(catalogue.syncedProvider("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4"))
                .hasValue("Google Password Manager");
        assertThat(catalogue.syncedProvider("d3452668-01fd-4c12-926c-83a4204853aa"))
                .hasValue("Microsoft Password Manager");
        assertThat(catalogue.syncedProvider("d548826e-79b4-db40-a3d8-11116f7e8349")).hasValue("Bitwarden");
        // device-bound platform authenticators of the same list are left out on purpose
        assertThat(catalogue.syncedProvider("08987058-cadc-4b81-b6e1-30de50dcbe96")).isEmpty();
        assertThat(catalogue.syncedProvider(null)).isEmpty();
        // a provider is never also a hardware key model
        assertThat(catalogue.find("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")).isEmpty();
    }

    @Test
    void everyBundledProviderRowNamesItsSource() throws IOException {
        try (var in = AaguidCatalogue.class.getResourceAsStream(AaguidCatalogue.PROVIDERS)) {
            var rows = CsvReader.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(rows.get(0)).containsExactly("aaguid", "provider", "source");
            assertThat(rows.subList(1, rows.size())).hasSize(22)
                    .allSatisfy(row -> assertThat(row.get(2)).isEqualTo("passkeydeveloper-aaguid-json"));
        }
    }

    @Test
    void quotedModelWithCommasIsOneField() {
        assertThat(AaguidCatalogue.bundled().find("12755c32-8ad1-46eb-881c-e0b38d848b09")).hasValueSatisfying(
                a -> assertThat(a.model()).isEqualTo("Feitian ePass FIDO Authenticator (CTAP2.1, CTAP2.0, U2F)"));
    }

    @Test
    void emptyCapabilityCellsAreUnknownNotFalse() {
        assertThat(AaguidCatalogue.bundled().find("de1e552d-db1d-4423-a619-566b625cdc84"))
                .hasValueSatisfying(a -> assertThat(a.usb()).isNull());
    }

    @Test
    void parsesDoubledQuotesCrlfAndAMissingFinalNewline() throws IOException {
        AaguidCatalogue catalogue = AaguidCatalogue.parse(new StringReader(
                "aaguid,model,biometric,usb,nfc,ble\r\nAAAA,\"Key \"\"Pro\"\", v2\",true,false,,\r\nbbbb,Plain,,,,"));

        assertThat(catalogue.find("aaaa").orElseThrow().model()).isEqualTo("Key \"Pro\", v2");
        assertThat(catalogue.find("bbbb").orElseThrow().model()).isEqualTo("Plain");
        assertThat(catalogue.size()).isEqualTo(2);
    }

    @Test
    void unknownAaguidFallsBackToTheModelGraphReported() {
        AuthenticationMethod key = AuthenticationMethod.fido2("k", "k", Instant.EPOCH,
                "00000000-0000-0000-0000-0000000000ff", "Graph model", "attested", "deviceBound");
        assertThat(AaguidCatalogue.bundled().modelOf(key)).isEqualTo("Graph model");
    }
}
