package io.glasswarden.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.readiness.EnforcementPhase;
import io.glasswarden.readiness.EnforcementTimeline;
import io.glasswarden.readiness.evaluation.EvaluationResults;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.readiness.rules.BgT05ReadyBeforeMandatoryMfaRule;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;
import io.glasswarden.tenants.TenantSettings;

/** A tenant's mandatory MFA timeline with its accounts' readiness for it (GET …/enforcement). */
@ApplicationScoped
public class EnforcementService {

    private final TenantService tenants;
    private final AccountService accounts;
    private final EvaluationService evaluations;
    private final Clock clock;
    private final EnforcementTimeline timeline = EnforcementTimeline.bundled();

    EnforcementService(TenantService tenants, AccountService accounts, EvaluationService evaluations, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** The phases as they apply to the tenant (its cloud and its own dates). */
    public List<EnforcementPhase> phasesOf(Tenant tenant) {
        return timeline.phases(tenant.cloud().wireValue(), tenant.settings().mfaEnforcement());
    }

    @Transactional
    public EnforcementView view(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        TenantSettings settings = tenant.settings();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<EnforcementView.AccountState> states = accounts.activeAccounts(tenant)
                .stream()
                .map(EnforcementService::state)
                .toList();
        Optional<EvaluationResults> latest = evaluations.latestIfAny(tenant.tenantId());
        Map<String, Object> finding = latest.flatMap(EnforcementService::bgT05).orElse(null);
        return new EnforcementView(tenant.tenantId(), tenant.cloud().wireValue(), today,
                settings.enforcementWarningDays(), settings.minReadyAccounts(),
                phasesOf(tenant).stream().map(p -> EnforcementView.Phase.of(p, today)).toList(), states,
                (int) states.stream().filter(s -> Boolean.TRUE.equals(s.mandatoryMfaReady())).count(),
                latest.map(EvaluationResults::completedAt).orElse(null), finding, timeline.sources());
    }

    /** BG-T05 of an evaluation's tenant findings, if it was evaluated. */
    static Optional<Map<String, Object>> bgT05(EvaluationResults results) {
        List<Map<String, Object>> findings = results.tenant().findings();
        return findings == null
                ? Optional.empty()
                : findings.stream()
                        .filter(f -> BgT05ReadyBeforeMandatoryMfaRule.RULE.id().equals(f.get("ruleId")))
                        .findFirst();
    }

    private static EnforcementView.AccountState state(EmergencyAccount account) {
        Map<String, Object> readiness = account.readiness() == null ? null : account.readiness().asMap();
        Boolean ready = readiness == null ? null : (Boolean) readiness.get("mandatoryMfaReady");
        Object at = readiness == null ? null : readiness.get("evaluatedAt");
        return new EnforcementView.AccountState(account.id(), account.userPrincipalName(), account.objectId(),
                account.displayName(), account.readinessStatus(), ready,
                at == null ? null : Instant.parse(Objects.toString(at)));
    }
}
