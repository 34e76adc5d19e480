package io.glasswarden.readiness.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Fido2Eligibility;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.Judgement;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-013: the key restrictions (passkey profiles or legacy restrictions) permit every registered key's AAGUID. */
public final class Bg013KeyRestrictionsRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-013", "Key restrictions allow the registered keys",
            Severity.HIGH,
            "Add the blocked keys' AAGUIDs to the allow list (or remove them from the block list) of the passkey "
                    + "profile or key restrictions that apply to the account, or register keys of a permitted model.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-authentication-passkey-profiles");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        return RegisteredKeys.judge(RULE, context, keys -> judge(context, keys));
    }

    private static Finding judge(AccountContext context, List<AuthenticationMethod> keys) {
        Fact<Fido2Policy> policy = context.tenant().fido2Policy();
        if (!policy.isKnown()) {
            return RULE.unknown(policy.missing().orElseThrow());
        }
        Fido2Eligibility eligibility = context.fido2Eligibility(policy.value());
        Evidence evidence = Evidence.of("passkeyProfilesInUse", eligibility.usesPasskeyProfiles());
        if (eligibility.usesPasskeyProfiles() && eligibility.profileApplies().isNo()) {
            return RULE.notApplicable("No passkey profile applies because no FIDO2 include target matches the "
                    + "account (see BG-012).", evidence);
        }
        List<Judgement> verdicts = keys.stream().map(eligibility::permits).toList();
        List<Map<String, Object>> blocked = blockedKeys(context, keys, verdicts);
        Judgement undetermined = verdicts.stream().filter(Judgement::isUnknown).findFirst().orElse(null);
        evidence.put("keys", keys.stream().map(context::keyEvidence).toList()).put("blockedKeys", blocked);
        if (!blocked.isEmpty()) {
            return RULE.fail(blocked.size() + " of the account's " + keys.size()
                    + " FIDO2 keys are not permitted by the key restrictions, so they cannot be used to sign in.",
                    evidence);
        }
        if (undetermined != null) {
            return RULE.unknown(undetermined.gap(), "Glasswarden could not tell whether the key restrictions permit "
                    + "every key: " + undetermined.why() + ".", evidence);
        }
        return RULE.pass("The key restrictions permit all " + keys.size() + " registered FIDO2 keys.",
                evidence);
    }

    /** Each blocked key's evidence with the restriction that blocks it. */
    private static List<Map<String, Object>> blockedKeys(AccountContext context, List<AuthenticationMethod> keys,
            List<Judgement> verdicts) {
        List<Map<String, Object>> blocked = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (verdicts.get(i).isNo()) {
                Map<String, Object> entry = new LinkedHashMap<>(context.keyEvidence(keys.get(i)));
                entry.put("blockedBy", verdicts.get(i).why());
                blocked.add(entry);
            }
        }
        return blocked;
    }
}
