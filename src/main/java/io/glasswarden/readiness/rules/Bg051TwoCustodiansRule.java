package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Custodian;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-051: at least two custodians (distinct e-mail addresses), so one absent person does not block access. */
public final class Bg051TwoCustodiansRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-051", "Two custodians", Severity.LOW,
            "Name at least two custodians with their own e-mail addresses in the account's inventory.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        List<String> emails = context.inventory()
                .custodians()
                .stream()
                .map(Custodian::email)
                .filter(Objects::nonNull)
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .distinct()
                .toList();
        Evidence evidence = Evidence.of("custodians", context.inventory()
                .custodians()
                .stream()
                .map(c -> Evidence.entry("name", c.name(), "email", c.email()))
                .toList());
        if (emails.size() < 2) {
            return RULE.fail("The account has " + emails.size() + " custodian(s) with a distinct e-mail address; "
                    + "it needs two.", evidence);
        }
        return RULE.pass("The account has " + emails.size() + " custodians.", evidence);
    }
}
