package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.PHISHING_RESISTANT;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg022NoConditionalAccessLockoutRuleTest {
    private final Bg022NoConditionalAccessLockoutRule rule = new Bg022NoConditionalAccessLockoutRule();

    @Test
    void mfaPolicyPassesWithUsableKeys() {
        assertThat(ready().policies(ca("p").build()).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void blockPolicyFailsWithReason() {
        Finding finding = ready().policies(ca("p").grant("OR", "block", "mfa").build()).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("locks the account out");
        assertThat(finding.evidence().get("lockingPolicies").toString()).contains("p", "blocks access");
    }

    @Test
    void mfaPolicyFailsWithoutUsableCredential() {
        assertThat(ready().methods(method("ph", MethodKind.PHONE)).policies(ca("p").build()).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void phishingResistantStrengthPassesWithKeys() {
        assertThat(ready().policies(ca("p").strength("OR", PHISHING_RESISTANT).build()).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void excludedBlockPolicyPasses() {
        assertThat(ready().groups("g-bg")
                .policies(ca("p").grant("OR", "block").excludeGroups("g-bg").build())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void reportOnlyBlockPolicyIsIgnored() {
        assertThat(ready().policies(ca("p").state("enabledForReportingButNotEnforced").grant("OR", "block").build())
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void unreadableStrengthsAreUnknown() {
        Finding finding = ready().strengthsUnreadable(NO_PERMISSION)
                .policies(ca("p").strength("OR", PHISHING_RESISTANT).build())
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.evidence().get("undeterminedPolicies").toString()).contains("p");
    }

    @Test
    void unreadablePoliciesAreUnknown() {
        assertThat(ready().policiesUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
