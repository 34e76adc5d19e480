package io.glasswarden.readiness.rules;

import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-002: the account is cloud-only, so an on-premises outage cannot take it down. */
public final class Bg002CloudOnlyRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-002", "Cloud-only account", Severity.HIGH,
            "Use an account created in Microsoft Entra ID, not synchronised from Active Directory: create a new "
                    + "cloud-only account and retire this one.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<DirectoryUser> user = context.user();
        if (!user.isKnown()) {
            return RULE.unknown(user.missing().orElseThrow());
        }
        Boolean synced = user.value().onPremisesSyncEnabled();
        Evidence evidence = Evidence.of("onPremisesSyncEnabled", synced);
        if (Boolean.TRUE.equals(synced)) {
            return RULE.fail("The account is synchronised from on-premises Active Directory, so an on-premises "
                    + "outage or compromise can take it down.", evidence);
        }
        return RULE.pass("The account is cloud-only.", evidence);
    }
}
