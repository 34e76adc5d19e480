package io.glasswarden.readiness.rules;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantRule;

/** BG-T02: at least two emergency accounts are READY (Microsoft recommends two or more). */
public final class BgT02TwoReadyAccountsRule implements TenantRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-T02", "At least two ready emergency accounts",
            Severity.HIGH,
            "Bring a second emergency account to READY (or create one), so one lost key or one mistake does not "
                    + "leave the tenant without a way in.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(TenantContext context) {
        return ReadyAccounts.judge(RULE, context, 2);
    }
}
