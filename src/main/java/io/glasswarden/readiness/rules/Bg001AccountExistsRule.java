package io.glasswarden.readiness.rules;

import java.util.Optional;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-001: the account exists in the directory and is enabled. */
public final class Bg001AccountExistsRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-001", "Account exists and is enabled",
            Severity.CRITICAL,
            "Check the object id and UPN in the inventory; restore a deleted account from the recycle bin within "
                    + "30 days or create a new cloud-only account, and enable a disabled account.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<Optional<DirectoryUser>> user = context.account().user();
        AccountRef ref = context.account().ref();
        Evidence evidence = Evidence.of("objectId", ref.objectId()).put("userPrincipalName", ref.userPrincipalName());
        if (!user.isKnown()) {
            return RULE.unknown(user.missing().orElseThrow(), RuleDescriptor.unreadableMessage(user.missing()
                    .orElseThrow()), evidence);
        }
        if (user.value().isEmpty()) {
            return RULE.fail("The account was not found in the directory (looked up by object id, then UPN): it "
                    + "cannot be used to sign in.", evidence);
        }
        DirectoryUser found = user.value().get();
        evidence.put("id", found.id())
                .put("displayName", found.displayName())
                .put("accountEnabled",
                        found.accountEnabled());
        if (found.accountEnabled() == null) {
            return RULE.unknown(DataGap.of("the account's enabled state", UnknownReason.GRAPH_ERROR,
                    "the directory did not return accountEnabled"),
                    "The directory did not say whether the account "
                            + "is enabled, so this could not be checked.",
                    evidence);
        }
        if (!found.accountEnabled()) {
            return RULE.fail("The account is disabled, so nobody can sign in with it.", evidence);
        }
        return RULE.pass("The account exists and is enabled.", evidence);
    }
}
