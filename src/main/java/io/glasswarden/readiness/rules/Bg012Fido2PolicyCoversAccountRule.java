package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.PolicyTarget;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Fido2Eligibility;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.Judgement;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-012: the FIDO2 method policy is enabled and targets the account (conditions 1–2). */
public final class Bg012Fido2PolicyCoversAccountRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-012", "FIDO2 policy covers the account",
            Severity.HIGH,
            "In Authentication methods > Passkey (FIDO2), enable the method and include the account (or a group "
                    + "it belongs to, or all users); remove it from the excluded groups.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-enable-passkey-fido2");

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
        Evidence evidence = Evidence.of("state", policy.value().state())
                .put("includeTargets", ids(policy.value().includeTargets()))
                .put("excludeTargets", ids(policy.value().excludeTargets()));
        if (eligibility.enabled().isNo()) {
            return RULE.fail("The FIDO2 (passkey) method is disabled in the authentication methods policy, so the "
                    + "account's keys cannot be used.", evidence);
        }
        Judgement targeted = eligibility.targeted();
        evidence.put("targeting", targeted.why());
        if (targeted.isUnknown()) {
            return RULE.unknown(targeted.gap(), "Glasswarden could not tell whether the FIDO2 policy covers the "
                    + "account: " + targeted.why() + ".", evidence);
        }
        if (targeted.isNo()) {
            return RULE.fail("The FIDO2 policy does not cover the account (" + targeted.why()
                    + "), so its keys cannot be used.", evidence);
        }
        return RULE.pass("The FIDO2 policy is enabled and covers the account (" + targeted.why() + ").",
                evidence);
    }

    private static List<String> ids(List<PolicyTarget> targets) {
        return targets == null ? List.of() : targets.stream().map(PolicyTarget::id).toList();
    }
}
