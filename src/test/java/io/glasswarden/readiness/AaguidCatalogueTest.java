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
