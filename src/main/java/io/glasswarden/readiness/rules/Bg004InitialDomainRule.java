package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.Locale;

import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-004: the UPN is on the tenant's initial domain, which no federation or DNS problem can break. */
public final class Bg004InitialDomainRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-004", "UPN on the initial domain",
            Severity.MEDIUM,
            "Change the account's UPN to the tenant's initial domain (…onmicrosoft.com), so federation or custom "
                    + "domain problems cannot block sign-in.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");
    static final List<String> INITIAL_DOMAIN_SUFFIXES = List.of(".onmicrosoft.com", ".onmicrosoft.us",
            ".partner.onmschina.cn");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        if (!context.settings().requireInitialDomain()) {
            return RULE.notApplicable("The tenant settings do not require the initial domain.",
                    Evidence.of("requireInitialDomain", false));
        }
        Fact<DirectoryUser> user = context.user();
        if (!user.isKnown()) {
            return RULE.unknown(user.missing().orElseThrow());
        }
        String upn = user.value().userPrincipalName();
        Evidence evidence = Evidence.of("userPrincipalName", upn)
                .put("initialDomainSuffixes",
                        INITIAL_DOMAIN_SUFFIXES);
        String lower = upn == null ? "" : upn.toLowerCase(Locale.ROOT);
        if (INITIAL_DOMAIN_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return RULE.pass("The account's UPN is on the tenant's initial domain.", evidence);
        }
        return RULE.fail("The account's UPN " + upn + " is on a custom domain, which a federation or DNS "
                + "problem can break.", evidence);
    }
}
