package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.settingsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;
import io.glasswarden.tenants.TenantSettings;

class Bg014ApprovedModelsRuleTest {
    private final Bg014ApprovedModelsRule rule = new Bg014ApprovedModelsRule();

    @Test
    void noApprovedListIsNotApplicable() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void noFido2KeyIsNotApplicable() {
        assertThat(ready().methods().settings(approved(YUBIKEY_5)).evaluate(rule).result())
                .isEqualTo(RuleResult.NOT_APPLICABLE);
    }

    @Test
    void approvedModelsPassComparedCaseInsensitively() {
        assertThat(ready().settings(approved(YUBIKEY_5.toUpperCase(), YUBIKEY_5_NFC)).evaluate(rule).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void unapprovedModelFails() {
        Finding finding = ready().settings(approved(YUBIKEY_5)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence().get("unapprovedKeys").toString()).contains(YUBIKEY_5_NFC);
    }

    @Test
    void unreadableMethodsAreUnknown() {
        assertThat(ready().methodsUnreadable(NO_PERMISSION).settings(approved(YUBIKEY_5)).evaluate(rule).result())
                .isEqualTo(RuleResult.UNKNOWN);
    }

    private static TenantSettings approved(String... aaguids) {
        return settingsWith(null, List.of(aaguids), null, null, null);
    }
}
