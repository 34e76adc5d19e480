package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.InventoryFacts.Custodian;
import io.glasswarden.readiness.RuleResult;

class Bg051TwoCustodiansRuleTest {
    private final Bg051TwoCustodiansRule rule = new Bg051TwoCustodiansRule();

    @Test
    void twoCustodiansPass() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void oneCustodianFails() {
        assertThat(ready().custodians(new Custodian("Ada", "ada@contoso.com")).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void sameAddressTwiceCountsOnce() {
        assertThat(
                ready().custodians(new Custodian("Ada", "ada@contoso.com"), new Custodian("Ada L", " ADA@contoso.com"))
                        .evaluate(rule)
                        .result())
                .isEqualTo(RuleResult.FAIL);
    }
}
