package io.glasswarden.readiness.rules;

import java.time.Instant;
import java.util.List;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-061: no usable Temporary Access Pass, which would let whoever holds it sign in as the account. */
public final class Bg061NoUsableTemporaryAccessPassRule implements AccountRule {
    static final String NOT_YET_VALID = "notYetValid";
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-061", "No usable Temporary Access Pass",
            Severity.HIGH,
            "Delete the Temporary Access Pass from the account and find out who created it and why.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-temporary-access-pass");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<List<AuthenticationMethod>> passes = context.methodsOf(MethodKind.TEMPORARY_ACCESS_PASS);
        if (!passes.isKnown()) {
            return RULE.unknown(passes.missing().orElseThrow());
        }
        List<AuthenticationMethod> usable = passes.value()
                .stream()
                .filter(p -> Boolean.TRUE.equals(p.usable()))
                .toList();
        // a pass whose start lies in the future is not usable yet, only because of its start (rules.md BG-061)
        List<AuthenticationMethod> pending = passes.value()
                .stream()
                .filter(p -> !Boolean.TRUE.equals(p.usable()) && NOT_YET_VALID.equalsIgnoreCase(p.usabilityReason()))
                .toList();
        Evidence evidence = Evidence.of("temporaryAccessPasses", passes.value()
                .stream()
                .map(p -> Evidence.entry("id", p.id(), "created", p.createdDateTime(), "isUsable", p.usable(),
                        "methodUsabilityReason", p.usabilityReason(), "startDateTime", p.startDateTime()))
                .toList());
        if (!usable.isEmpty()) {
            return RULE.fail("The account has a usable Temporary Access Pass: whoever holds it can sign in as the "
                    + "account.", evidence);
        }
        if (!pending.isEmpty()) {
            Instant start = pending.get(0).startDateTime();
            return RULE.fail("The account has a Temporary Access Pass that becomes usable "
                    + (start == null ? "once its start time comes" : "at " + start)
                    + ": whoever holds it will be able to sign in as the account.", evidence);
        }
        return RULE.pass("The account has no usable Temporary Access Pass.", evidence);
    }
}
