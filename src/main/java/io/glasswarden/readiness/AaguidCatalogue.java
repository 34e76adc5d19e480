package io.glasswarden.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.glasswarden.directory.AuthenticationMethod;

/**
 * Names of FIDO2 authenticator models by AAGUID, from the bundled Microsoft Entra list
 * ({@code aaguids/fido2-aaguids.csv}, CC BY 4.0, see its README), so evidence can say "YubiKey 5 Series with NFC"
 * next to an AAGUID; and the synced-passkey providers ({@code aaguids/synced-passkey-providers.csv}, from the community
 * list passkeydeveloper/passkey-authenticator-aaguids, see the README), used where Graph omits {@code passkeyType}.
 */
public final class AaguidCatalogue {
    static final String RESOURCE = "/aaguids/fido2-aaguids.csv";
    static final String PROVIDERS = "/aaguids/synced-passkey-providers.csv";
    /** The {@code source} of rows from Microsoft's table of FIDO2 security keys (hardware key models). */
    static final String HARDWARE_SOURCE = "entra-docs-fido2-vendor";

    /** One row of the list; capability flags are null where the source gives no value. */
    public record Authenticator(String aaguid, String model, Boolean biometric, Boolean usb, Boolean nfc,
            Boolean ble, String source) {

        /** A row of Microsoft's FIDO2 security key table, not one of the Authenticator app rows. */
        public boolean hardwareKey() {
            return HARDWARE_SOURCE.equals(source);
        }
    }

    private final Map<String, Authenticator> byAaguid;
    private final Map<String, String> syncedProviders;

    private AaguidCatalogue(Map<String, Authenticator> byAaguid, Map<String, String> syncedProviders) {
        this.byAaguid = byAaguid;
        this.syncedProviders = syncedProviders;
    }

    public static AaguidCatalogue empty() {
        return new AaguidCatalogue(Map.of(), Map.of());
    }

    /** The list shipped with Glasswarden, parsed once. */
    public static AaguidCatalogue bundled() {
        return Bundled.INSTANCE;
    }

    /** Holder idiom: the resource is read on first use, once. */
    private static final class Bundled {
        static final AaguidCatalogue INSTANCE = load();

        private static AaguidCatalogue load() {
            try (Reader models = resource(RESOURCE); Reader providers = resource(PROVIDERS)) {
                return parse(models).withSyncedProviders(providers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Reader resource(String name) {
            InputStream in = AaguidCatalogue.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }

    /** Parses RFC 4180 CSV with header {@code aaguid,model,biometric,usb,nfc,ble,...}. */
    public static AaguidCatalogue parse(Reader reader) throws IOException {
        List<List<String>> rows = CsvReader.read(reader);
        Map<String, Authenticator> map = new LinkedHashMap<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.size() < 2 || row.get(0).isBlank()) {
                continue;
            }
            String aaguid = row.get(0).trim().toLowerCase(Locale.ROOT);
            map.put(aaguid, new Authenticator(aaguid, row.get(1), flag(row, 2), flag(row, 3), flag(row, 4),
                    flag(row, 5), row.size() > 6 ? row.get(6).trim() : null));
        }
        return new AaguidCatalogue(Map.copyOf(map), Map.of());
    }

    /** This catalogue with the synced-passkey providers of a CSV with header {@code aaguid,provider,...}. */
    public AaguidCatalogue withSyncedProviders(Reader reader) throws IOException {
        List<List<String>> rows = CsvReader.read(reader);
        Map<String, String> map = new LinkedHashMap<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.size() >= 2 && !row.get(0).isBlank()) {
                map.put(row.get(0).trim().toLowerCase(Locale.ROOT), row.get(1).trim());
            }
        }
        return new AaguidCatalogue(byAaguid, Map.copyOf(map));
    }

    /** The synced-passkey provider whose AAGUID this is (e.g. "1Password"), empty for any other AAGUID. */
    public Optional<String> syncedProvider(String aaguid) {
        return aaguid == null
                ? Optional.empty()
                : Optional.ofNullable(syncedProviders.get(aaguid.toLowerCase(Locale.ROOT)));
    }

    public Optional<Authenticator> find(String aaguid) {
        return aaguid == null ? Optional.empty() : Optional.ofNullable(byAaguid.get(aaguid.toLowerCase(Locale.ROOT)));
    }

    /** The catalogue's model name, else the model Graph reported, else null. */
    public String modelOf(AuthenticationMethod method) {
        return find(method.aaGuid()).map(Authenticator::model).orElse(method.model());
    }

    public int size() {
        return byAaguid.size();
    }

    private static Boolean flag(List<String> row, int index) {
        if (index >= row.size() || row.get(index).isBlank()) {
            return null;
        }
        return Boolean.parseBoolean(row.get(index).trim());
    }
}
