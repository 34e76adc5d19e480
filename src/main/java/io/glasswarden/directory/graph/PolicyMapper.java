package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.bool;
import static io.glasswarden.directory.graph.JsonFields.integer;
import static io.glasswarden.directory.graph.JsonFields.list;
import static io.glasswarden.directory.graph.JsonFields.lowerStrings;
import static io.glasswarden.directory.graph.JsonFields.strings;
import static io.glasswarden.directory.graph.JsonFields.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.KeyRestrictions;
import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.directory.PolicyTarget;
import io.glasswarden.directory.X509Policy;

/** Maps the FIDO2 and X.509 configurations of {@code /policies/authenticationMethodsPolicy}. */
final class PolicyMapper {

    private PolicyMapper() {
    }

    /** The configuration with this id ({@code Fido2}, {@code X509Certificate}), matched case-insensitively. */
    static Optional<JsonNode> configuration(JsonNode policy, String id) {
        for (JsonNode c : policy.path("authenticationMethodConfigurations")) {
            if (id.equalsIgnoreCase(text(c, "id"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Fido2Policy fido2(JsonNode c) {
        return new Fido2Policy(text(c, "state"), list(c, "includeTargets", PolicyMapper::target),
                list(c, "excludeTargets", PolicyMapper::target), restrictions(c.get("keyRestrictions")),
                list(c, "passkeyProfiles", PolicyMapper::profile), text(c, "defaultPasskeyProfile"));
    }

    static X509Policy x509(JsonNode c) {
        JsonNode mode = c.path("authenticationModeConfiguration");
        return new X509Policy(text(c, "state"), list(c, "includeTargets", PolicyMapper::target),
                list(c, "excludeTargets", PolicyMapper::target), list(c, "certificateUserBindings",
                        b -> new CertificateUserBinding(text(b, "x509CertificateField"), text(b, "userProperty"),
                                integer(b, "priority"), text(b, "trustAffinityLevel"))),
                text(mode, "x509CertificateAuthenticationDefaultMode"), list(mode, "rules", PolicyMapper::rule),
                text(mode, "x509CertificateDefaultRequiredAffinityLevel"));
    }

    private static CertificateAuthenticationRule rule(JsonNode r) {
        String identifier = text(r, "identifier");
        if (identifier == null) {
            identifier = String.join(" ", List.of(text(r, "issuerSubjectIdentifier"), text(r, "policyOidIdentifier"))
                    .stream()
                    .filter(s -> s != null && !s.isBlank())
                    .toList());
        }
        return new CertificateAuthenticationRule(text(r, "x509CertificateRuleType"), identifier,
                text(r, "x509CertificateAuthenticationMode"), text(r, "x509CertificateRequiredAffinityLevel"));
    }

    private static PolicyTarget target(JsonNode t) {
        return new PolicyTarget(text(t, "id"), text(t, "targetType"), strings(t, "allowedPasskeyProfiles"));
    }

    private static KeyRestrictions restrictions(JsonNode r) {
        if (r == null || r.isNull()) {
            return null;
        }
        return new KeyRestrictions(bool(r, "isEnforced"), text(r, "enforcementType"), lowerStrings(r, "aaGuids"));
    }

    private static PasskeyProfile profile(JsonNode p) {
        JsonNode types = p.get("passkeyTypes");
        List<String> passkeyTypes;
        if (types != null && types.isArray()) {
            passkeyTypes = strings(p, "passkeyTypes");
        } else {
            // flags enum: Graph sends a comma-separated string such as "deviceBound,synced"
            String raw = text(p, "passkeyTypes");
            passkeyTypes = raw == null
                    ? List.of()
                    : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return new PasskeyProfile(text(p, "id"), text(p, "name"), passkeyTypes, restrictions(p.get("keyRestrictions")));
    }
}
