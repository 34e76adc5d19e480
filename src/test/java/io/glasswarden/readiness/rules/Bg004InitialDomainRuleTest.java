package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.settingsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.glasswarden.readiness.RuleResult;

class Bg004InitialDomainRuleTest {
    private final Bg004InitialDomainRule rule = new Bg004InitialDomainRule();

    @ParameterizedTest
    @ValueSource(strings = {"bg@contoso.onmicrosoft.com", "bg@contoso.ONMICROSOFT.us",
            "bg@contoso.partner.onmschina.cn"})
    void initialDomainPasses(String upn) {
        assertThat(ready().upn(upn).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void customDomainFails() {
        assertThat(ready().upn("bg@contoso.com").evaluate(rule).result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void notApplicableWhenTenantDoesNotRequireIt() {
        assertThat(ready().upn("bg@contoso.com")
                .settings(settingsWith(null, null, null, null, false))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void unreadableUserIsUnknown() {
        assertThat(ready().userUnreadable(THROTTLED).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
