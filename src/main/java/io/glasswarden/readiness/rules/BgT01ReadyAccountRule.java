package io.glasswarden.readiness.rules;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantRule;

/** BG-T01: at least one emergency account is READY. */
public final class BgT01ReadyAccountRule implements TenantRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-T01", "At least one ready emergency account",
            Severity.CRITICAL,
            "Fix the failing findings of your emergency accounts now, starting with CRITICAL ones; if none exists, "
                    + "create two cloud-only emergency accounts and add them to Glasswarden.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(TenantContext context) {
        return ReadyAccounts.judge(RULE, context, 1);
    }
}
