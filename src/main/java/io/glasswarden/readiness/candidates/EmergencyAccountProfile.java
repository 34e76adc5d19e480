package io.glasswarden.readiness.candidates;

import java.util.ArrayList;
import java.util.List;

import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.ConditionalAccessScope;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.Judgement;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.readiness.rules.Bg001AccountExistsRule;
import io.glasswarden.readiness.rules.Bg002CloudOnlyRule;
import io.glasswarden.readiness.rules.Bg030PermanentGlobalAdministratorRule;

/**
 * Whether a user looks like an emergency access account: enabled, cloud-only (BG-002), permanent Global Administrator
 * (BG-030) and excluded from most enabled Conditional Access policies (the rules' scope logic). Pure: the same context
 * gives the same profile. Signals that could not be read are reported as such, never guessed.
 */
record EmergencyAccountProfile(List<String> matches, List<String> mismatches, List<String> unknowns) {

    boolean looksLikeOne() {
        return mismatches.isEmpty();
    }

    static EmergencyAccountProfile of(AccountContext context) {
        List<String> matches = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        sort(new Bg001AccountExistsRule().evaluate(context), "enabled account", matches, mismatches, unknowns);
        if (context.accountNotFound()) {
            return new EmergencyAccountProfile(matches, mismatches, unknowns);
        }
        sort(new Bg002CloudOnlyRule().evaluate(context), "cloud-only", matches, mismatches, unknowns);
        sort(new Bg030PermanentGlobalAdministratorRule().evaluate(context), "permanent Global Administrator", matches,
                mismatches, unknowns);
        conditionalAccess(context, matches, mismatches, unknowns);
        return new EmergencyAccountProfile(matches, mismatches, unknowns);
    }

    private static void sort(Finding finding, String what, List<String> matches, List<String> mismatches,
            List<String> unknowns) {
        if (finding.result() == RuleResult.PASS) {
            matches.add(what);
        } else if (finding.result() == RuleResult.FAIL) {
            mismatches.add("not " + what + ": " + finding.message());
        } else {
            unknowns.add(what + " could not be checked: " + finding.message());
        }
    }

    private static void conditionalAccess(AccountContext context, List<String> matches, List<String> mismatches,
            List<String> unknowns) {
        Fact<List<ConditionalAccessPolicy>> policies = context.tenant().conditionalAccessPolicies();
        if (!policies.isKnown()) {
            unknowns.add("Conditional Access exclusion could not be checked: " + policies.missing()
                    .orElseThrow()
                    .data() + " unreadable");
            return;
        }
        List<ConditionalAccessPolicy> enabled = policies.value()
                .stream()
                .filter(p -> ConditionalAccessScope.ENABLED.equals(p.state()))
                .filter(ConditionalAccessScope::targetsUsers)
                .toList();
        ConditionalAccessScope scope = ConditionalAccessScope.of(context);
        List<Judgement> applies = enabled.stream().map(scope::applies).toList();
        long applying = applies.stream().filter(Judgement::isYes).count();
        long unknown = applies.stream().filter(Judgement::isUnknown).count();
        String counts = applying + " of " + enabled.size() + " enabled Conditional Access policies apply";
        if (applying * 2 > enabled.size()) {
            mismatches.add("not excluded from most Conditional Access policies: " + counts);
        } else if ((applying + unknown) * 2 > enabled.size()) {
            unknowns.add("Conditional Access exclusion could not be checked for " + unknown + " policies (" + counts
                    + ")");
        } else {
            matches.add("excluded from most Conditional Access policies (" + counts + ")");
        }
    }
}
