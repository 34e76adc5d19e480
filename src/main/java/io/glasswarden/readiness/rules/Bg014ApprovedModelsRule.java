package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-014: every FIDO2 key is a model on the organisation's approved list. */
public final class Bg014ApprovedModelsRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-014", "Keys are organisation-approved models",
            Severity.MEDIUM,
            "Replace keys of unapproved models with approved ones, or add the model's AAGUID to the tenant's "
                    + "approvedAaguids setting if it was approved.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-fido2-hardware-vendor");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        List<String> approved = context.settings().approvedAaguids();
        if (approved.isEmpty()) {
            return RULE.notApplicable("The tenant has no list of approved key models.", Evidence.of(
                    "approvedAaguids", approved));
        }
        return RegisteredKeys.judge(RULE, context, keys -> judge(context, keys));
    }

    private static Finding judge(AccountContext context, List<AuthenticationMethod> keys) {
        List<String> approved = context.settings().approvedAaguids();
        List<AuthenticationMethod> unapproved = keys
                .stream()
                .filter(k -> k.aaGuid() == null || approved.stream().noneMatch(k.aaGuid()::equalsIgnoreCase))
                .toList();
        Evidence evidence = Evidence.of("approvedAaguids", approved)
                .put("unapprovedKeys",
                        unapproved.stream().map(context::keyEvidence).toList());
        if (!unapproved.isEmpty()) {
            return RULE.fail(unapproved.size() + " of the account's FIDO2 keys are not an approved model.", evidence);
        }
        return RULE.pass("All of the account's FIDO2 keys are approved models.", evidence);
    }
}
