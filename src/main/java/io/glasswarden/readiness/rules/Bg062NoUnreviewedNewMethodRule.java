package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-062: every method added since the previous evaluation was reviewed (acknowledged). */
public final class Bg062NoUnreviewedNewMethodRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-062", "No unreviewed new method", Severity.HIGH,
            "Check who registered the new method: acknowledge it if it was planned, otherwise delete it, rotate the "
                    + "account's credentials and investigate.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-methods-manage");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Set<String> previous = context.inventory().previousMethodIds();
        if (previous == null) {
            return RULE.notApplicable("This is the account's first evaluation, so there is nothing to compare with.",
                    Evidence.of());
        }
        Fact<List<AuthenticationMethod>> methods = context.account().methods();
        if (!methods.isKnown()) {
            return RULE.unknown(methods.missing().orElseThrow());
        }
        Set<String> acknowledged = context.inventory().acknowledgedMethodIds();
        List<AuthenticationMethod> added = methods.value().stream().filter(m -> !previous.contains(m.id())).toList();
        List<AuthenticationMethod> unreviewed = added.stream().filter(m -> !acknowledged.contains(m.id())).toList();
        Set<String> current = methods.value()
                .stream()
                .map(AuthenticationMethod::id)
                .collect(java.util.stream.Collectors.toSet());
        Evidence evidence = Evidence
                .of("unreviewedMethods", unreviewed.stream()
                        .map(Bg062NoUnreviewedNewMethodRule::entry)
                        .toList())
                .put("acknowledgedNewMethods", added.stream()
                        .filter(m -> acknowledged.contains(m.id()))
                        .map(Bg062NoUnreviewedNewMethodRule::entry)
                        .toList())
                .put("removedMethodIds", previous.stream().filter(id -> !current.contains(id)).sorted().toList());
        if (!unreviewed.isEmpty()) {
            return RULE.fail(unreviewed.size() + " new sign-in method(s) appeared on the account since the last "
                    + "evaluation and nobody has reviewed them.", evidence);
        }
        return RULE.pass("No unreviewed method was added since the last evaluation.", evidence);
    }

    private static Map<String, Object> entry(AuthenticationMethod method) {
        return Evidence.entry("id", method.id(), "kind", method.kind().wireName(), "name", method.displayName(),
                "created", method.createdDateTime());
    }
}
