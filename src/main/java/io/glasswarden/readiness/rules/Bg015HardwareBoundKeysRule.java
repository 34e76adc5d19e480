package io.glasswarden.readiness.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DataGap;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.KeyStorage;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/**
 * BG-015: keys are hardware-bound, not synced passkeys, passkeys of a synced-passkey provider or Microsoft
 * Authenticator passkeys on a phone. A key without {@code passkeyType} is judged by its AAGUID ({@link KeyStorage}).
 */
public final class Bg015HardwareBoundKeysRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-015", "Keys are hardware-bound",
            Severity.MEDIUM,
            "Remove synced passkeys and Microsoft Authenticator passkeys from the account and register "
                    + "device-bound hardware security keys kept in the organisation's custody.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-enable-authenticator-passkey");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        return RegisteredKeys.judge(RULE, context, keys -> judge(context, keys));
    }

    private static Finding judge(AccountContext context, List<AuthenticationMethod> keys) {
        List<Map<String, Object>> soft = new ArrayList<>();
        List<Map<String, Object>> undetermined = new ArrayList<>();
        List<Map<String, Object>> bound = new ArrayList<>();
        DataGap gap = null;
        for (AuthenticationMethod key : keys) {
            KeyStorage storage = KeyStorage.of(key, context.aaguids());
            String why = storage.phoneOrCloud() != null
                    ? storage.phoneOrCloud()
                    : storage.synced() ? "synced passkey (" + storage.why() + ")" : null;
            if (why != null) {
                soft.add(entry(context, key, why));
            } else if (storage.unknown()) {
                undetermined.add(entry(context, key, storage.why()));
                gap = gap == null ? KeyStorage.gap(key) : gap;
            } else {
                bound.add(entry(context, key, storage.why()));
            }
        }
        Evidence evidence = Evidence.of("notHardwareBound", soft)
                .put("undetermined", undetermined)
                .put("hardwareBound", bound);
        if (!soft.isEmpty()) {
            return RULE.fail(soft.size() + " of the account's FIDO2 credentials live on a phone or in a consumer "
                    + "cloud rather than on a hardware key in your custody.", evidence, gap);
        }
        if (gap != null) {
            return RULE.unknown(gap, "Glasswarden cannot tell whether " + undetermined.size()
                    + " of the account's FIDO2 keys are hardware-bound: Microsoft Graph did not report their passkey "
                    + "type and their model is not in the AAGUID catalogue.", evidence);
        }
        return RULE.pass("All of the account's FIDO2 keys are hardware-bound.", evidence);
    }

    private static Map<String, Object> entry(AccountContext context, AuthenticationMethod key, String why) {
        Map<String, Object> entry = new LinkedHashMap<>(context.keyEvidence(key));
        entry.put("why", why);
        return entry;
    }
}
