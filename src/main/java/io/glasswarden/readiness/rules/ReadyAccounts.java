package io.glasswarden.readiness.rules;

import java.util.List;

import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.ReadinessStatus;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.TenantContext;

/**
 * Shared logic of BG-T01 and BG-T02 (rules.md v1.1): at least {@code needed} accounts are READY. Only READY counts:
 * an AT_RISK, NOT_READY or UNKNOWN account is not ready, so too few READY accounts is a FAIL even when some could not
 * be checked; the message says how many could not.
 */
final class ReadyAccounts {

    private ReadyAccounts() {
    }

    static Finding judge(RuleDescriptor rule, TenantContext context, int needed) {
        List<AccountReadiness> accounts = context.accounts();
        long ready = count(accounts, ReadinessStatus.READY);
        long unknown = count(accounts, ReadinessStatus.UNKNOWN);
        Evidence evidence = Evidence.of("needed", needed)
                .put("ready", ready)
                .put("couldNotBeChecked", unknown)
                .put("accounts", accounts.stream()
                        .map(a -> Evidence.entry("userPrincipalName", a.account().userPrincipalName(), "objectId",
                                a.account().objectId(), "status", a.status()))
                        .toList());
        if (ready >= needed) {
            return rule.pass(ready + " emergency account(s) are ready.", evidence);
        }
        return rule.fail("Only " + ready + " emergency account(s) are ready"
                + (unknown == 0 ? "" : " and " + unknown + " could not be checked (they do not count as ready)")
                + "; the tenant needs at least " + needed + " to be sure of getting back in.", evidence);
    }

    private static long count(List<AccountReadiness> accounts, ReadinessStatus status) {
        return accounts.stream().filter(a -> a.status() == status).count();
    }
}
