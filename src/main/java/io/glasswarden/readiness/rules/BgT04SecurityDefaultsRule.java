package io.glasswarden.readiness.rules;

import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantRule;

/** BG-T04 (informational): security defaults are off, since accounts cannot be excluded from them. */
public final class BgT04SecurityDefaultsRule implements TenantRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-T04", "Security defaults", Severity.INFO,
            "Consider replacing security defaults with Conditional Access policies that exclude the emergency "
                    + "accounts (needs Microsoft Entra ID P1).",
            "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(TenantContext context) {
        Fact<Boolean> enabled = context.tenant().securityDefaultsEnabled();
        if (!enabled.isKnown()) {
            return RULE.unknown(enabled.missing().orElseThrow());
        }
        Evidence evidence = Evidence.of("securityDefaultsEnabled", enabled.value());
        if (Boolean.TRUE.equals(enabled.value())) {
            return RULE.fail("Security defaults are on: the emergency accounts cannot be excluded from their MFA "
                    + "registration and enforcement.", evidence);
        }
        return RULE.pass("Security defaults are off.", evidence);
    }
}
