package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.EnforcementPhase;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.tenants.TenantSettings;

class BgT05ReadyBeforeMandatoryMfaRuleTest {
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final AccountReadiness MFA_READY = ready().readiness();
    // no registered method at all: BG-010 fails, so the account cannot satisfy mandatory MFA
    static final AccountReadiness NOT_MFA_READY = ready().methods().readiness();
    // Conditional Access unreadable: BG-022 UNKNOWN, so whether it can satisfy MFA is undetermined
    static final AccountReadiness UNDETERMINED = ready().policiesUnreadable(NO_PERMISSION).readiness();
    static final io.glasswarden.directory.DataGap NO_POLICIES = io.glasswarden.directory.DataGap.permission(
            "Conditional Access policies", "Policy.Read.All");
    // BG-022 UNKNOWN and, outside the MFA rules, BG-051 FAIL (one custodian): still undetermined for mandatory MFA
    static final AccountReadiness UNDETERMINED_ONE_CUSTODIAN = ready().policiesUnreadable(NO_POLICIES)
            .custodians(new io.glasswarden.readiness.InventoryFacts.Custodian("Ada Admin", "ada@contoso.com"))
            .readiness();
    // methods and policies unreadable: BG-010 and BG-022 both UNKNOWN
    static final AccountReadiness NOTHING_READABLE = ready().methodsUnreadable(NO_PERMISSION)
            .policiesUnreadable(NO_POLICIES)
            .readiness();
    private final BgT05ReadyBeforeMandatoryMfaRule rule = new BgT05ReadyBeforeMandatoryMfaRule();

    @Test
    void theFixturesAreWhatTheirNamesSay() {
        assertThat(MFA_READY.mandatoryMfaReady()).isTrue();
        assertThat(NOT_MFA_READY.mandatoryMfaReady()).isFalse();
        assertThat(UNDETERMINED.mandatoryMfaReady()).isFalse();
    }

    @Test
    void aPhaseTenDaysAwayWithOneReadyAccountFailsNamingTheDateAndTheAccountNotReady() {
        Finding finding = rule.evaluate(context(phase2StartingIn(10), MFA_READY, NOT_MFA_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("phase2")
                .contains(TODAY.plusDays(10).toString())
                .contains("in 10 days")
                .contains("only 1");
        assertThat(finding.evidence()).containsEntry("mandatoryMfaReadyAccounts", 1)
                .containsEntry("minReadyAccounts", 2);
        assertThat((List<?>) finding.evidence().get("accountsNotReady")).hasSize(1);
        Map<?, ?> phase = (Map<?, ?>) ((List<?>) finding.evidence().get("phases")).get(0);
        assertThat(phase.get("state")).isEqualTo("UPCOMING");
        assertThat(phase.get("daysLeft")).isEqualTo(10L);
        assertThat(phase.get("startsOn")).isEqualTo(TODAY.plusDays(10).toString());
    }

    @Test
    void enoughReadyAccountsPass() {
        assertThat(rule.evaluate(context(phase2StartingIn(10), MFA_READY, MFA_READY)).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void aPhaseBeyondTheWarningWindowIsNotApplicableEvenWithNoReadyAccount() {
        assertThat(rule.evaluate(context(phase2StartingIn(31), NOT_MFA_READY)).result())
                .isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void theLastDayOfTheWarningWindowCounts() {
        assertThat(rule.evaluate(context(phase2StartingIn(30), NOT_MFA_READY)).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void thePhaseInForceFromItsFirstDaySaysSince() {
        Finding finding = rule.evaluate(context(phase2StartingIn(0), NOT_MFA_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("in force").contains("since " + TODAY);
    }

    @Test
    void aPhaseWithoutDateIsNotApplicable() {
        EnforcementPhase sovereign = new EnforcementPhase("phase1", "Phase 1", "CRUD",
                List.of(new EnforcementPhase.Application("Azure portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c")),
                null, null, null, null);

        assertThat(rule.evaluate(context(sovereign, NOT_MFA_READY)).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void undeterminedAccountsThatCouldMakeUpTheNumberGiveUnknownNotFail() {
        Finding finding = rule.evaluate(context(phase2StartingIn(10), MFA_READY, UNDETERMINED));

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUnknownNamesTheGapOfTheUndeterminedMfaRuleAndTheEvidenceMarksTheAccount() {
        Finding finding = rule.evaluate(context(phase2StartingIn(10), MFA_READY, UNDETERMINED_ONE_CUSTODIAN));

        assertThat(result(UNDETERMINED_ONE_CUSTODIAN, "BG-051")).as("fixture").isEqualTo(RuleResult.FAIL);
        assertThat(result(UNDETERMINED_ONE_CUSTODIAN, "BG-022")).as("fixture").isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.result()).as("a failure outside BG-010/BG-022 does not settle mandatory MFA")
                .isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.gap()).as("the gap of BG-022, not of another finding").isEqualTo(NO_POLICIES);
        assertThat(finding.message()).contains("1 emergency account(s) can satisfy it and 1 could not be fully"
                + " checked");
        assertThat((List<?>) finding.evidence().get("accountsNotReady")).singleElement()
                .satisfies(e -> assertThat((Map<Object, Object>) e)
                        .containsEntry("userPrincipalName", UNDETERMINED_ONE_CUSTODIAN.account().userPrincipalName())
                        .containsEntry("objectId", UNDETERMINED_ONE_CUSTODIAN.account().objectId())
                        .containsEntry("status", UNDETERMINED_ONE_CUSTODIAN.status().name())
                        .containsEntry("undetermined", true));
    }

    @Test
    void anAccountWhoseMfaRulesAreBothUnknownIsUndetermined() {
        assertThat(result(NOTHING_READABLE, "BG-010")).as("fixture").isEqualTo(RuleResult.UNKNOWN);
        assertThat(result(NOTHING_READABLE, "BG-022")).as("fixture").isEqualTo(RuleResult.UNKNOWN);

        assertThat(rule.evaluate(context(phase2StartingIn(10), MFA_READY, NOTHING_READABLE)).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAccountNotReadyWithoutAnUnknownMfaRuleIsNotUndetermined() {
        // BG-010 passes, BG-022 does not pass but is not UNKNOWN either: nothing left to read, so it counts as not ready
        List<Finding> findings = MFA_READY.findings()
                .stream()
                .map(f -> f.ruleId().equals("BG-022")
                        ? Bg022NoConditionalAccessLockoutRule.RULE.notApplicable("not applicable here",
                                io.glasswarden.readiness.Evidence.of("reason", "test"))
                        : f)
                .toList();
        AccountReadiness settled = new AccountReadiness(MFA_READY.account(), MFA_READY.status(), false,
                MFA_READY.usableCredentials(), findings, MFA_READY.credentials(), null);

        Finding finding = rule.evaluate(context(phase2StartingIn(10), MFA_READY, settled));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat((List<?>) finding.evidence().get("accountsNotReady")).singleElement()
                .satisfies(e -> assertThat((Map<Object, Object>) e).containsEntry("undetermined", false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEvidenceNamesEachPhasesApplications() {
        Finding finding = rule.evaluate(context(phase2StartingIn(10), MFA_READY, NOT_MFA_READY));

        Map<?, ?> phase = (Map<?, ?>) ((List<?>) finding.evidence().get("phases")).get(0);
        assertThat((List<Object>) phase.get("applications")).containsExactly(Map.of("name", "Azure CLI", "appId",
                "04b07795-8ddb-461a-bbee-02f9e1bf7b46"));
        assertThat((List<?>) finding.evidence().get("accountsNotReady")).singleElement()
                .satisfies(e -> assertThat((Map<Object, Object>) e)
                        .containsEntry("userPrincipalName", NOT_MFA_READY.account().userPrincipalName())
                        .containsEntry("status", NOT_MFA_READY.status().name())
                        .containsEntry("undetermined", false));
    }

    private static RuleResult result(AccountReadiness account, String ruleId) {
        return account.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow().result();
    }

    @Test
    void undeterminedAccountsThatCannotMakeUpTheNumberStillFail() {
        Finding finding = rule.evaluate(context(phase2StartingIn(10), NOT_MFA_READY, UNDETERMINED));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void theTenantsOwnNumbersApply() {
        TenantSettings one = new TenantSettings(null, null, null, null, null, null, null, null, null, null, null, 1,
                5, null);

        assertThat(rule.evaluate(new TenantContext(ready().context().tenant(), one, List.of(MFA_READY), NOW,
                List.of(phase2StartingIn(3)))).result()).isEqualTo(RuleResult.PASS);
        assertThat(rule.evaluate(new TenantContext(ready().context().tenant(), one, List.of(NOT_MFA_READY), NOW,
                List.of(phase2StartingIn(6)))).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void thePublishedGlobalPhasesAreInForceOnTheFixtureDate() {
        Finding finding = rule.evaluate(ready().tenant(NOT_MFA_READY));

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("phase1").contains("since 2024-10-15");
    }

    static EnforcementPhase phase2StartingIn(int days) {
        return new EnforcementPhase("phase2", "Phase 2", "Create, Update, Delete",
                List.of(new EnforcementPhase.Application("Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46")),
                TODAY.plusDays(days), null, null, "tenant");
    }

    private static TenantContext context(EnforcementPhase phase, AccountReadiness... accounts) {
        return new TenantContext(ready().context().tenant(), null, List.of(accounts), NOW, List.of(phase));
    }
}
