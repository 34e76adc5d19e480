package io.glasswarden.readiness.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.DataGap;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.EnforcementPhase;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantRule;

/**
 * BG-T05: enough emergency accounts can satisfy mandatory MFA (BG-010 and BG-022 pass: {@code mandatoryMfaReady})
 * before an enforcement phase reaches the tenant. Not applicable while no phase is in force or starts within
 * {@code enforcementWarningDays}. An account whose BG-010 or BG-022 is UNKNOWN (and neither FAILs) may still be ready,
 * so when such accounts could make up the difference the result is UNKNOWN, never FAIL (rules.md: missing data is
 * neither a pass nor a failure).
 */
public final class BgT05ReadyBeforeMandatoryMfaRule implements TenantRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-T05",
            "Ready before mandatory MFA reaches the tenant", Severity.HIGH,
            "Give at least the required number of emergency accounts phishing-resistant credentials that satisfy MFA "
                    + "(FIDO2 security keys or certificate-based authentication) and make sure no Conditional Access "
                    + "policy locks them out, before the phase starts; if that cannot be done in time, a Global "
                    + "Administrator can postpone the phase for the tenant and record the new date in "
                    + "settings.mfaEnforcement.",
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mandatory-multifactor-authentication");

    private static final List<String> MFA_RULES = List.of(Bg010MandatoryMfaRule.RULE.id(),
            Bg022NoConditionalAccessLockoutRule.RULE.id());

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(TenantContext context) {
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        int warningDays = context.settings().enforcementWarningDays();
        int needed = context.settings().minReadyAccounts();
        List<EnforcementPhase> relevant = context.enforcement()
                .stream()
                .filter(p -> p.inForceOrWithin(today, warningDays))
                .toList();
        Evidence evidence = Evidence.of("enforcementWarningDays", warningDays)
                .put("minReadyAccounts", needed)
                .put("phases", context.enforcement().stream().map(p -> phaseEvidence(p, today)).toList());
        if (relevant.isEmpty()) {
            return RULE.notApplicable("No mandatory MFA phase is in force for the tenant or starts within "
                    + warningDays + " days.", evidence);
        }
        List<AccountReadiness> ready = context.accounts().stream().filter(AccountReadiness::mandatoryMfaReady).toList();
        List<AccountReadiness> undetermined = context.accounts()
                .stream()
                .filter(a -> !a.mandatoryMfaReady() && undetermined(a))
                .toList();
        evidence.put("mandatoryMfaReadyAccounts", ready.size())
                .put("accountsNotReady", context.accounts()
                        .stream()
                        .filter(a -> !a.mandatoryMfaReady())
                        .map(a -> Evidence.entry("userPrincipalName", a.account().userPrincipalName(), "objectId",
                                a.account().objectId(), "status", a.status(), "undetermined", undetermined(a)))
                        .toList());
        String when = String.join("; ", relevant.stream()
                .sorted(Comparator.comparing(EnforcementPhase::startsOn).reversed())
                .map(p -> describe(p, today))
                .toList());
        if (ready.size() >= needed) {
            return RULE.pass(ready.size() + " emergency account(s) can satisfy mandatory MFA: " + when + ".",
                    evidence);
        }
        if (ready.size() + undetermined.size() >= needed) {
            return RULE.unknown(gapOf(undetermined), "Mandatory MFA " + when + "; " + ready.size()
                    + " emergency account(s) can satisfy it and " + undetermined.size()
                    + " could not be fully checked, so the tenant may have fewer than " + needed + ".", evidence);
        }
        return RULE.fail("Mandatory MFA " + when + " and only " + ready.size()
                + " emergency account(s) can satisfy it; at least " + needed + " are needed.", evidence);
    }

    private static String describe(EnforcementPhase phase, LocalDate today) {
        String what = phase.phase() + " (" + phase.applicationNames() + ")";
        if (phase.stateOn(today) == EnforcementPhase.State.IN_FORCE) {
            return what + " has been in force for the tenant since " + phase.startsOn();
        }
        return what + " reaches the tenant on " + phase.startsOn() + " (in " + phase.daysLeft(today) + " days)";
    }

    private static Map<String, Object> phaseEvidence(EnforcementPhase phase, LocalDate today) {
        return Evidence.entry("phase", phase.phase(), "name", phase.name(), "startsOn", phase.startsOn(),
                "dateSource", phase.dateSource(), "state", phase.stateOn(today).name(), "daysLeft",
                phase.daysLeft(today), "applications", phase.applications()
                        .stream()
                        .map(a -> Evidence.entry("name", a.name(), "appId", a.appId()))
                        .toList());
    }

    private static boolean undetermined(AccountReadiness account) {
        List<Finding> findings = account.findings().stream().filter(f -> MFA_RULES.contains(f.ruleId())).toList();
        return findings.stream().noneMatch(f -> f.result() == RuleResult.FAIL)
                && findings.stream().anyMatch(f -> f.result() == RuleResult.UNKNOWN);
    }

    private static DataGap gapOf(List<AccountReadiness> undetermined) {
        return undetermined.stream()
                .flatMap(a -> a.findings().stream())
                .filter(f -> MFA_RULES.contains(f.ruleId()) && f.result() == RuleResult.UNKNOWN && f.gap() != null)
                .map(Finding::gap)
                .findFirst()
                .orElseThrow();
    }
}
