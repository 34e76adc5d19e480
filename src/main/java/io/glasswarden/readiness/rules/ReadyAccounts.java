package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.directory.DataGap;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.ReadinessStatus;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;

/** Shared logic of BG-T01 and BG-T02: at least {@code needed} accounts are READY; UNKNOWN accounts may still be. */
final class ReadyAccounts {

    private ReadyAccounts() {
    }

    static Finding judge(RuleDescriptor rule, TenantContext context, int needed) {
        List<AccountReadiness> accounts = context.accounts();
        List<AccountReadiness> ready = withStatus(accounts, ReadinessStatus.READY);
        List<AccountReadiness> unknown = withStatus(accounts, ReadinessStatus.UNKNOWN);
        Evidence evidence = Evidence.of("needed", needed)
                .put("accounts", accounts.stream()
                        .map(a -> Evidence.entry("userPrincipalName", a.account().userPrincipalName(), "objectId",
                                a.account().objectId(), "status", a.status()))
                        .toList());
        if (ready.size() >= needed) {
            return rule.pass(ready.size() + " emergency account(s) are ready.", evidence);
        }
        if (ready.size() + unknown.size() >= needed) {
            return rule.unknown(gapOf(unknown), ready.size() + " emergency account(s) are ready and "
                    + unknown.size() + " could not be fully checked, so the tenant may have fewer than " + needed
                    + " working.", evidence);
        }
        return rule.fail("Only " + ready.size() + " emergency account(s) are ready; the tenant needs at least "
                + needed + " to be sure of getting back in.", evidence);
    }

    private static List<AccountReadiness> withStatus(List<AccountReadiness> accounts, ReadinessStatus status) {
        return accounts.stream().filter(a -> a.status() == status).toList();
    }

    /** The gap behind the first critical or high UNKNOWN finding of the first unknown account. */
    private static DataGap gapOf(List<AccountReadiness> unknown) {
        return unknown.stream()
                .flatMap(a -> a.findings().stream())
                .filter(f -> f.result() == RuleResult.UNKNOWN && f.gap() != null
                        && (f.severity() == Severity.CRITICAL || f.severity() == Severity.HIGH))
                .map(Finding::gap)
                .findFirst()
                .orElseThrow();
    }
}
