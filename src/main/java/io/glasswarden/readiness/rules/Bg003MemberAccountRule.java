package io.glasswarden.readiness.rules;

import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-003: the account is a member, not a guest of another tenant. */
public final class Bg003MemberAccountRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-003", "Member account", Severity.HIGH,
            "Use a member account of this tenant; a guest depends on its home tenant and can be blocked by "
                    + "cross-tenant settings.",
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
        String userType = user.value().userType();
        Evidence evidence = Evidence.of("userType", userType);
        if (!"Member".equals(userType)) {
            return RULE.fail("The account is not a member of the tenant (userType " + userType
                    + "), so it depends on another tenant to sign in.", evidence);
        }
        return RULE.pass("The account is a member of the tenant.", evidence);
    }
}
