package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.bool;
import static io.glasswarden.directory.graph.JsonFields.instant;
import static io.glasswarden.directory.graph.JsonFields.list;
import static io.glasswarden.directory.graph.JsonFields.text;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.MethodKind;

/** Maps {@code /users/{id}/authentication/methods} by {@code @odata.type}. */
final class MethodMapper {

    private static final String PREFIX = "#microsoft.graph.";

    private MethodMapper() {
    }

    static List<AuthenticationMethod> methods(JsonNode body) {
        return list(body, "value", MethodMapper::method);
    }

    static AuthenticationMethod method(JsonNode m) {
        String type = text(m, "@odata.type");
        String name = type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : "";
        String id = text(m, "id");
        var created = instant(m, "createdDateTime");
        return switch (name) {
            case "fido2AuthenticationMethod" -> AuthenticationMethod.fido2(id, text(m, "displayName"), created,
                    text(m, "aaGuid"), text(m, "model"), text(m, "attestationLevel"), text(m, "passkeyType"));
            case "windowsHelloForBusinessAuthenticationMethod" -> AuthenticationMethod.withKeyStrength(id,
                    MethodKind.WINDOWS_HELLO_FOR_BUSINESS, text(m, "displayName"), created, text(m, "keyStrength"));
            case "platformCredentialAuthenticationMethod" -> AuthenticationMethod.withKeyStrength(id,
                    MethodKind.PLATFORM_CREDENTIAL, text(m, "displayName"), created, text(m, "keyStrength"));
            case "temporaryAccessPassAuthenticationMethod" -> AuthenticationMethod.temporaryAccessPass(id, created,
                    bool(m, "isUsable"), text(m, "methodUsabilityReason"), instant(m, "startDateTime"));
            // phone numbers and e-mail addresses are personal data the rules do not need: keep the type only
            case "phoneAuthenticationMethod" -> AuthenticationMethod.other(id, MethodKind.PHONE,
                    text(m, "phoneType"), created);
            case "emailAuthenticationMethod" -> AuthenticationMethod.other(id, MethodKind.EMAIL, null, created);
            default -> AuthenticationMethod.other(id, kind(name), text(m, "displayName"), created);
        };
    }

    private static MethodKind kind(String type) {
        return switch (type) {
            case "passwordAuthenticationMethod" -> MethodKind.PASSWORD;
            case "microsoftAuthenticatorAuthenticationMethod" -> MethodKind.MICROSOFT_AUTHENTICATOR;
            case "softwareOathAuthenticationMethod" -> MethodKind.SOFTWARE_OATH;
            case "hardwareOathAuthenticationMethod" -> MethodKind.HARDWARE_OATH;
            case "externalAuthenticationMethod" -> MethodKind.EXTERNAL;
            default -> MethodKind.OTHER;
        };
    }
}
