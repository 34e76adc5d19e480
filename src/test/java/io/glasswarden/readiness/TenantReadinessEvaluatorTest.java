package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantReadinessEvaluatorTest {
    private final TenantReadinessEvaluator evaluator = new TenantReadinessEvaluator();

    @Test
    void reportsEveryTenantRuleInOrder() {
        TenantReadiness readiness = evaluator.evaluate(ready().tenant(ready().readiness(), ready().readiness()));

        assertThat(readiness.findings()).extracting(Finding::ruleId)
                .containsExactly("BG-T01", "BG-T02", "BG-T03",
                        "BG-T04", "BG-T05");
        assertThat(readiness.dataGaps()).isEmpty();
    }

    @Test
    void eachDistinctGapListsTheRulesItAffectedAcrossAccountsOnce() {
        FactsBuilder facts = ready().signInsUnreadable(NO_PERMISSION).signInActivityUnreadable(NO_LICENCE);
        TenantReadiness readiness = evaluator.evaluate(facts.tenant(facts.readiness(), facts.readiness()));

        assertThat(readiness.dataGaps()).containsExactly(
                new TenantDataGap("sign-in activity", null, "Microsoft Entra ID P1", java.util.List.of("BG-040")),
                new TenantDataGap("sign-in logs", "AuditLog.Read.All", null, java.util.List.of("BG-042")));
    }

    @Test
    void gapsOfTenantRulesAreIncludedAndRulesAreInCatalogueOrder() {
        // One UNKNOWN account: BG-T01 and BG-T02 fail (an UNKNOWN account is not ready), so they report no gap.
        FactsBuilder facts = ready().policiesUnreadable(NO_PERMISSION).securityDefaultsUnreadable(NO_PERMISSION);
        TenantReadiness readiness = evaluator.evaluate(facts.tenant(facts.readiness()));

        assertThat(readiness.dataGaps()).singleElement()
                .satisfies(gap -> assertThat(gap.rules())
                        .containsExactly("BG-020", "BG-021", "BG-022", "BG-T04"));
    }

    @Test
    void aGapThatChangedNoVerdictIsReportedWithoutRules() {
        // BG-030 counts the direct active assignment as permanent when PIM schedules need a licence
        FactsBuilder facts = ready().activeSchedulesUnreadable(NO_LICENCE);
        TenantReadiness readiness = evaluator.evaluate(facts.tenant(facts.readiness()));

        assertThat(readiness.dataGaps()).containsExactly(
                new TenantDataGap("sign-in activity", null, "Microsoft Entra ID P1", java.util.List.of()));
    }

    @Test
    void missingAccountIsNotADataGap() {
        FactsBuilder facts = ready().userNotFound();
        assertThat(evaluator.evaluate(facts.tenant(facts.readiness())).dataGaps()).isEmpty();
    }
}
