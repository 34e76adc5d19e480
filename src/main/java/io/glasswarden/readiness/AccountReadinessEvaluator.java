package io.glasswarden.readiness;

import java.util.List;

import io.glasswarden.readiness.rules.Bg001AccountExistsRule;
import io.glasswarden.readiness.rules.Bg010MandatoryMfaRule;
import io.glasswarden.readiness.rules.Bg022NoConditionalAccessLockoutRule;

/**
 * Runs every account rule, in catalogue order, for one account and derives its readiness. Pure: the same context
 * always gives the same readiness. When the account is not found, every rule but BG-001 is UNKNOWN ({@code not-found}).
 */
public final class AccountReadinessEvaluator {
    private final List<AccountRule> rules;

    public AccountReadinessEvaluator() {
        this(RuleCatalogue.accountRules());
    }

    public AccountReadinessEvaluator(List<AccountRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public AccountReadiness evaluate(AccountContext context) {
        boolean notFound = context.accountNotFound();
        List<Finding> findings = rules.stream()
                .map(rule -> notFound && !isExistenceRule(rule)
                        ? rule.descriptor()
                                .unknown(AccountContext.notFound(), "The account was not found in the directory, "
                                        + "so this could not be checked.", Evidence.of())
                        : rule.evaluate(context))
                .toList();
        // An account that does not exist has no credentials: that is known, not a gap.
        CredentialAssessment credentials = notFound
                ? new CredentialAssessment(List.of(), null)
                : CredentialAssessment.assess(context);
        boolean mandatoryMfaReady = passed(findings, Bg010MandatoryMfaRule.RULE.id())
                && passed(findings, Bg022NoConditionalAccessLockoutRule.RULE.id());
        return new AccountReadiness(context.account().ref(), ReadinessStatus.derive(findings), mandatoryMfaReady,
                credentials.usableCount(), findings, credentials.credentials(),
                credentials.firstGap().orElse(null));
    }

    private static boolean isExistenceRule(AccountRule rule) {
        return rule.descriptor().id().equals(Bg001AccountExistsRule.RULE.id());
    }

    private static boolean passed(List<Finding> findings, String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.result() == RuleResult.PASS);
    }
}
