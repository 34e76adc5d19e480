package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.fido2Policy;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg012Fido2PolicyCoversAccountRuleTest {
    private final Bg012Fido2PolicyCoversAccountRule rule = new Bg012Fido2PolicyCoversAccountRule();

    @Test
    void allUsersTargetPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void userTargetPasses() {
        assertThat(ready().fido2(fido2Policy(List.of(user(USER_ID)), List.of(), null)).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void transitiveGroupTargetPasses() {
        assertThat(ready().groups("g-nested")
                .fido2(fido2Policy(List.of(group("g-nested")), List.of(), null))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noFido2KeyIsNotApplicable() {
        assertThat(ready().methods().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void disabledPolicyFails() {
        Finding finding = ready().fido2(new Fido2Policy("disabled", List.of(allUsers()), List.of(), null, List.of(),
                null)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("disabled");
    }

    @Test
    void untargetedAccountFails() {
        assertThat(ready().fido2(fido2Policy(List.of(group("g-other")), List.of(), null)).evaluate(rule).result())
                .isEqualTo(RuleResult.FAIL);
    }

    @Test
    void exclusionThroughNestedGroupFails() {
        Finding finding = ready().groups("g-parent", "g-nested")
                .fido2(fido2Policy(List.of(allUsers()), List.of(group("g-nested")), null))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("excluded via group g-nested");
    }

    @Test
    void unreadableGroupsWithGroupTargetIsUnknown() {
        assertThat(ready().groupsUnreadable(NO_PERMISSION)
                .fido2(fido2Policy(List.of(group("g")), List.of(), null))
                .evaluate(rule)
                .result())
                .isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    void unreadablePolicyIsUnknown() {
        assertThat(ready().fido2Unreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
