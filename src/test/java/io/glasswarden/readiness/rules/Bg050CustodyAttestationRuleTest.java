package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.InventoryFacts.Attestation;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.RuleResult;

class Bg050CustodyAttestationRuleTest {
    private final Bg050CustodyAttestationRule rule = new Bg050CustodyAttestationRule();

    @Test
    void recentCustodyAttestationPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void staleCustodyAttestationFails() {
        assertThat(ready().attestations(new Attestation(AttestationKind.CUSTODY, NOW.minus(days(91))))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void otherKindsDoNotCount() {
        assertThat(ready().attestations(new Attestation(AttestationKind.DRILL, NOW.minus(days(1))),
                new Attestation(AttestationKind.ROSTER, NOW.minus(days(1)))).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void noAttestationFails() {
        assertThat(ready().attestations().evaluate(rule).message()).contains("Nobody has ever attested");
    }
}
