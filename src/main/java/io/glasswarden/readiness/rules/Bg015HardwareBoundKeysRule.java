package io.glasswarden.readiness.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-015: keys are hardware-bound, not synced passkeys or Microsoft Authenticator passkeys on a phone. */
public final class Bg015HardwareBoundKeysRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-015", "Keys are hardware-bound",
            Severity.MEDIUM,
            "Remove synced passkeys and Microsoft Authenticator passkeys from the account and register "
                    + "device-bound hardware security keys kept in the organisation's custody.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-enable-authenticator-passkey");
    /** Microsoft Authenticator passkeys: Android, iOS. */
    static final List<String> AUTHENTICATOR_AAGUIDS = List.of("de1e552d-db1d-4423-a619-566b625cdc84",
            "90a3ccdf-635c-4729-a248-9b709135078f");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        return RegisteredKeys.judge(RULE, context, keys -> judge(context, keys));
    }

    private static Finding judge(AccountContext context, List<AuthenticationMethod> keys) {
        List<Map<String, Object>> soft = keys.stream().filter(k -> why(k) != null).map(k -> {
            Map<String, Object> entry = new LinkedHashMap<>(context.keyEvidence(k));
            entry.put("why", why(k));
            return (Map<String, Object>) entry;
        }).toList();
        Evidence evidence = Evidence.of("notHardwareBound", soft);
        if (!soft.isEmpty()) {
            return RULE.fail(soft.size() + " of the account's FIDO2 credentials live on a phone or in a consumer "
                    + "cloud rather than on a hardware key in your custody.", evidence);
        }
        return RULE.pass("All of the account's FIDO2 keys are hardware-bound.", evidence);
    }

    private static String why(AuthenticationMethod key) {
        if (key.aaGuid() != null && AUTHENTICATOR_AAGUIDS.contains(key.aaGuid().toLowerCase())) {
            return "Microsoft Authenticator passkey";
        }
        return "synced".equalsIgnoreCase(key.passkeyType()) ? "synced passkey" : null;
    }
}
