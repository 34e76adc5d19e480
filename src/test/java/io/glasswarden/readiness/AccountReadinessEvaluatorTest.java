package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.UnknownReason;

class AccountReadinessEvaluatorTest {

    @Test
    void readyAccountHasEveryRuleInCatalogueOrder() {
        AccountReadiness readiness = FactsBuilder.ready().readiness();

        assertThat(readiness.findings()).extracting(Finding::ruleId)
                .containsExactlyElementsOf(
                        RuleCatalogue.accountRules().stream().map(r -> r.descriptor().id()).toList());
        assertThat(readiness.findings()).allSatisfy(f -> assertThat(f.result()).as(f.ruleId() + ": " + f.message())
                .isIn(RuleResult.PASS, RuleResult.NOT_APPLICABLE));
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(readiness.mandatoryMfaReady()).isTrue();
        assertThat(readiness.usableCredentials()).isEqualTo(2);
        assertThat(readiness.credentialsGap()).isNull();
    }

    @Test
    void accountNotFoundMakesEveryOtherRuleUnknownWithNotFound() {
        AccountReadiness readiness = FactsBuilder.ready().userNotFound().readiness();

        assertThat(readiness.finding("BG-001").orElseThrow().result()).isEqualTo(RuleResult.FAIL);
        assertThat(readiness.findings()).filteredOn(f -> !f.ruleId().equals("BG-001")).hasSize(24).allSatisfy(f -> {
            assertThat(f.result()).isEqualTo(RuleResult.UNKNOWN);
            assertThat(f.reason()).isEqualTo(UnknownReason.NOT_FOUND.wireValue());
        });
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.NOT_READY);
        assertThat(readiness.usableCredentials()).isZero();
        assertThat(readiness.mandatoryMfaReady()).isFalse();
    }

    @Test
    void disabledAccountIsStillEvaluatedByEveryRule() {
        AccountReadiness readiness = FactsBuilder.ready().accountEnabled(false).readiness();

        assertThat(readiness.finding("BG-001").orElseThrow().result()).isEqualTo(RuleResult.FAIL);
        assertThat(readiness.finding("BG-010").orElseThrow().result()).isEqualTo(RuleResult.PASS);
        assertThat(readiness.finding("BG-030").orElseThrow().result()).isEqualTo(RuleResult.PASS);
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.NOT_READY);
    }

    @Test
    void mandatoryMfaReadyNeedsNoLockingPolicy() {
        AccountReadiness readiness = FactsBuilder.ready()
                .policies(ca("block").grant("OR", "block").build())
                .readiness();

        assertThat(readiness.finding("BG-010").orElseThrow().result()).isEqualTo(RuleResult.PASS);
        assertThat(readiness.mandatoryMfaReady()).isFalse();
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.NOT_READY);
    }

    @Test
    void unreadableHighRuleMakesStatusUnknown() {
        AccountReadiness readiness = FactsBuilder.ready().policiesUnreadable(NO_PERMISSION).readiness();

        assertThat(readiness.finding("BG-020").orElseThrow().result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.UNKNOWN);
    }

    @Test
    void mediumFailureMakesAccountAtRisk() {
        AccountReadiness readiness = FactsBuilder.ready().upn("bg-01@contoso.com").readiness();

        assertThat(readiness.finding("BG-004").orElseThrow().result()).isEqualTo(RuleResult.FAIL);
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.AT_RISK);
    }

    @Test
    void lowFailureLeavesAccountReady() {
        AccountReadiness readiness = FactsBuilder.ready()
                .custodians(new InventoryFacts.Custodian("Ada", "ada@contoso.com"))
                .readiness();

        assertThat(readiness.finding("BG-051").orElseThrow().result()).isEqualTo(RuleResult.FAIL);
        assertThat(readiness.status()).isEqualTo(ReadinessStatus.READY);
    }

    @Test
    void everyFindingHasOneSentenceAndJsonFriendlyEvidence() {
        List<FactsBuilder> scenarios = List.of(FactsBuilder.ready(), FactsBuilder.ready().userNotFound(),
                FactsBuilder.ready()
                        .policies(ca("p").grant("AND", "mfa", "compliantDevice").build())
                        .previousMethodIds("pw")
                        .signIns(FactsBuilder.signIn("s", FactsBuilder.NOW))
                        .expectsCertificateAuth(true)
                        .drills()
                        .attestations(),
                FactsBuilder.ready()
                        .methodsUnreadable(NO_PERMISSION)
                        .groupsUnreadable(NO_PERMISSION)
                        .signInsUnreadable(NO_PERMISSION)
                        .policiesUnreadable(NO_PERMISSION));

        for (FactsBuilder scenario : scenarios) {
            assertThat(scenario.readiness().findings()).allSatisfy(f -> {
                assertThat(f.message()).as(f.ruleId()).endsWith(".").doesNotContain("\n");
                assertThat(f.reason() != null).as(f.ruleId() + " reason").isEqualTo(f.gap() != null);
                assertJsonFriendly(f.ruleId(), f.evidence());
            });
        }
    }

    private static void assertJsonFriendly(String ruleId, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).as(ruleId).isInstanceOf(String.class);
                assertJsonFriendly(ruleId, v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> assertJsonFriendly(ruleId, v));
        } else if (value != null) {
            assertThat(value).as(ruleId + " evidence value " + value)
                    .isInstanceOfAny(String.class, Number.class,
                            Boolean.class);
        }
    }
}
