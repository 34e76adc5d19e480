package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-016: every FIDO2 key was attested at registration, so its model is proven. */
public final class Bg016AttestedKeysRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-016", "Keys are attested", Severity.LOW,
            "Enforce attestation in the passkey (FIDO2) policy and re-register the unattested keys.",
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
        List<AuthenticationMethod> unattested = keys
                .stream()
                .filter(k -> !"attested".equalsIgnoreCase(k.attestationLevel()))
                .toList();
        Evidence evidence = Evidence.of("unattestedKeys", unattested.stream().map(context::keyEvidence).toList());
        if (!unattested.isEmpty()) {
            return RULE.fail(unattested.size() + " of the account's FIDO2 keys were not attested, so their model "
                    + "is not proven.", evidence);
        }
        return RULE.pass("All of the account's FIDO2 keys are attested.", evidence);
    }
}
