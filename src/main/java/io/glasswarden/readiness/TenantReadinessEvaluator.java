package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/**
 * Runs the tenant rules and gathers the tenant's data gaps: one entry per distinct (data, permission, licence), with
 * the ids of the rules, account or tenant, that became UNKNOWN or NOT_APPLICABLE because of it (none when the missing
 * data could not change any verdict, e.g. PIM schedules without Entra ID P2 under BG-030's own provision). An account
 * that does not exist is not a data gap (BG-001 reports it).
 */
public final class TenantReadinessEvaluator {
    private final List<TenantRule> rules;

    public TenantReadinessEvaluator() {
        this(RuleCatalogue.tenantRules());
    }

    public TenantReadinessEvaluator(List<TenantRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public TenantReadiness evaluate(TenantContext context) {
        List<Finding> findings = rules.stream().map(rule -> rule.evaluate(context)).toList();
        Stream<Finding> all = Stream.concat(context.accounts().stream().flatMap(a -> a.findings().stream()),
                findings.stream());
        return new TenantReadiness(findings, dataGaps(all.toList()));
    }

    static List<TenantDataGap> dataGaps(List<Finding> findings) {
        Map<List<String>, Set<String>> rulesByGap = new LinkedHashMap<>();
        for (Finding finding : findings) {
            DataGap gap = finding.gap();
            if (gap == null || gap.reason() == UnknownReason.NOT_FOUND) {
                continue;
            }
            List<String> key = new ArrayList<>();
            key.add(gap.data());
            key.add(gap.permission());
            key.add(gap.licence());
            Set<String> rules = rulesByGap.computeIfAbsent(key, k -> new LinkedHashSet<>());
            // a PASS or FAIL the gap could not change still reports the gap, without naming the rule
            if (finding.result() == RuleResult.UNKNOWN || finding.result() == RuleResult.NOT_APPLICABLE) {
                rules.add(finding.ruleId());
            }
        }
        List<String> order = RuleCatalogue.descriptors().stream().map(RuleDescriptor::id).toList();
        return rulesByGap.entrySet()
                .stream()
                .map(e -> new TenantDataGap(e.getKey().get(0), e.getKey().get(1),
                        e.getKey().get(2), e.getValue()
                                .stream()
                                .sorted((a, b) -> Integer.compare(order.indexOf(a),
                                        order.indexOf(b)))
                                .toList()))
                .toList();
    }
}
