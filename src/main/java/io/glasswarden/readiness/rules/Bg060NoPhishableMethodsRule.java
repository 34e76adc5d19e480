package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;
import io.glasswarden.tenants.TenantSettings;

/** BG-060: no phishable method (phone, Authenticator, OATH, e-mail) beyond the fallback the tenant allows. */
public final class Bg060NoPhishableMethodsRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-060",
            "No phishable methods beyond the allowed fallback", Severity.MEDIUM,
            "Remove the listed methods from the account, or allow them as fallback in the tenant settings if that is "
                    + "a deliberate decision.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-methods");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<List<AuthenticationMethod>> methods = context.account().methods();
        if (!methods.isKnown()) {
            return RULE.unknown(methods.missing().orElseThrow());
        }
        List<String> allowed = context.settings().allowedFallbackMethods();
        List<AuthenticationMethod> phishable = methods.value()
                .stream()
                .filter(m -> TenantSettings.FALLBACK_METHODS.contains(m.kind().wireName()))
                .filter(m -> allowed.stream().noneMatch(m.kind().wireName()::equalsIgnoreCase))
                .toList();
        List<String> kinds = phishable.stream().map(m -> m.kind().wireName()).distinct().toList();
        Evidence evidence = Evidence.of("allowedFallbackMethods", allowed)
                .put("disallowedKinds", kinds)
                .put("disallowedMethods", phishable.stream()
                        .map(m -> Evidence.entry("id", m.id(), "kind", m.kind().wireName(), "name", m.displayName()))
                        .toList());
        if (!phishable.isEmpty()) {
            return RULE.fail("The account has phishable sign-in methods that are not allowed as fallback: "
                    + String.join(", ", kinds) + ".", evidence);
        }
        return RULE.pass("The account has no phishable method beyond the allowed fallback.", evidence);
    }
}
