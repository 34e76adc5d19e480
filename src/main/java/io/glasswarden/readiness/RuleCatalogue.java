package io.glasswarden.readiness;

import java.util.List;
import java.util.stream.Stream;

import io.glasswarden.readiness.rules.Bg001AccountExistsRule;
import io.glasswarden.readiness.rules.Bg002CloudOnlyRule;
import io.glasswarden.readiness.rules.Bg003MemberAccountRule;
import io.glasswarden.readiness.rules.Bg004InitialDomainRule;
import io.glasswarden.readiness.rules.Bg010MandatoryMfaRule;
import io.glasswarden.readiness.rules.Bg011RedundantCredentialsRule;
import io.glasswarden.readiness.rules.Bg012Fido2PolicyCoversAccountRule;
import io.glasswarden.readiness.rules.Bg013KeyRestrictionsRule;
import io.glasswarden.readiness.rules.Bg014ApprovedModelsRule;
import io.glasswarden.readiness.rules.Bg015HardwareBoundKeysRule;
import io.glasswarden.readiness.rules.Bg016AttestedKeysRule;
import io.glasswarden.readiness.rules.Bg018CertificateAuthRule;
import io.glasswarden.readiness.rules.Bg020ExcludedFromConditionalAccessRule;
import io.glasswarden.readiness.rules.Bg021ReportOnlyLockoutRule;
import io.glasswarden.readiness.rules.Bg022NoConditionalAccessLockoutRule;
import io.glasswarden.readiness.rules.Bg030PermanentGlobalAdministratorRule;
import io.glasswarden.readiness.rules.Bg040RecentSignInRule;
import io.glasswarden.readiness.rules.Bg041DrillRecordedRule;
import io.glasswarden.readiness.rules.Bg042SignInsAccountedForRule;
import io.glasswarden.readiness.rules.Bg043PostUseReviewRule;
import io.glasswarden.readiness.rules.Bg050CustodyAttestationRule;
import io.glasswarden.readiness.rules.Bg051TwoCustodiansRule;
import io.glasswarden.readiness.rules.Bg060NoPhishableMethodsRule;
import io.glasswarden.readiness.rules.Bg061NoUsableTemporaryAccessPassRule;
import io.glasswarden.readiness.rules.Bg062NoUnreviewedNewMethodRule;
import io.glasswarden.readiness.rules.BgT01ReadyAccountRule;
import io.glasswarden.readiness.rules.BgT02TwoReadyAccountsRule;
import io.glasswarden.readiness.rules.BgT03NoSinglePointOfFailureRule;
import io.glasswarden.readiness.rules.BgT04SecurityDefaultsRule;
import io.glasswarden.readiness.rules.BgT05ReadyBeforeMandatoryMfaRule;

/** The rule catalogue (rules.md v1) in id order: account rules, then tenant rules. */
public final class RuleCatalogue {

    private RuleCatalogue() {
    }

    public static List<AccountRule> accountRules() {
        return List.of(new Bg001AccountExistsRule(), new Bg002CloudOnlyRule(), new Bg003MemberAccountRule(),
                new Bg004InitialDomainRule(), new Bg010MandatoryMfaRule(), new Bg011RedundantCredentialsRule(),
                new Bg012Fido2PolicyCoversAccountRule(), new Bg013KeyRestrictionsRule(), new Bg014ApprovedModelsRule(),
                new Bg015HardwareBoundKeysRule(), new Bg016AttestedKeysRule(), new Bg018CertificateAuthRule(),
                new Bg020ExcludedFromConditionalAccessRule(), new Bg021ReportOnlyLockoutRule(),
                new Bg022NoConditionalAccessLockoutRule(), new Bg030PermanentGlobalAdministratorRule(),
                new Bg040RecentSignInRule(), new Bg041DrillRecordedRule(), new Bg042SignInsAccountedForRule(),
                new Bg043PostUseReviewRule(),
                new Bg050CustodyAttestationRule(), new Bg051TwoCustodiansRule(), new Bg060NoPhishableMethodsRule(),
                new Bg061NoUsableTemporaryAccessPassRule(), new Bg062NoUnreviewedNewMethodRule());
    }

    public static List<TenantRule> tenantRules() {
        return List.of(new BgT01ReadyAccountRule(), new BgT02TwoReadyAccountsRule(),
                new BgT03NoSinglePointOfFailureRule(), new BgT04SecurityDefaultsRule(),
                new BgT05ReadyBeforeMandatoryMfaRule());
    }

    /** Every rule's descriptor in id order (for documentation and exports). */
    public static List<RuleDescriptor> descriptors() {
        return Stream.concat(accountRules().stream().map(AccountRule::descriptor),
                tenantRules().stream().map(TenantRule::descriptor)).toList();
    }
}
