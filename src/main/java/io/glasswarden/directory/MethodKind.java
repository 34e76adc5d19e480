package io.glasswarden.directory;

/**
 * Kinds of authentication method registered on a user. {@code wireName} is the name used in settings such as
 * {@code allowedFallbackMethods} (rules.md) and in evidence.
 */
public enum MethodKind {
    PASSWORD("password"), FIDO2("fido2"), WINDOWS_HELLO_FOR_BUSINESS("windowsHelloForBusiness"), PLATFORM_CREDENTIAL(
            "platformCredential"), PHONE("phone"), MICROSOFT_AUTHENTICATOR("microsoftAuthenticator"), SOFTWARE_OATH(
                    "softwareOath"), HARDWARE_OATH("hardwareOath"), EMAIL("email"), TEMPORARY_ACCESS_PASS(
                            "temporaryAccessPass"), EXTERNAL("external"), OTHER("other");

    private final String wireName;

    MethodKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
