package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.GLOBAL_ADMIN;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.PHISHING_RESISTANT;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.ca;
import static io.glasswarden.readiness.FactsBuilder.cbaPolicy;
import static io.glasswarden.readiness.FactsBuilder.globalAdminSchedule;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.method;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.ConditionalAccessPolicy.GrantControls;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.FactsBuilder;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

/**
 * The Conditional Access branches of BG-020 and BG-022 (rules.md "Conditional Access scope" and "Lockout logic") that
 * a wrong verdict would hide behind: each asserts the result and the policy evidence that explains it.
 */
class ConditionalAccessBranchesTest {
    private final Bg020ExcludedFromConditionalAccessRule bg020 = new Bg020ExcludedFromConditionalAccessRule();
    private final Bg022NoConditionalAccessLockoutRule bg022 = new Bg022NoConditionalAccessLockoutRule();

    // --- BG-020: scope

    @Test
    void aPolicyThatIncludesTheAccountByItsObjectIdApplies() {
        Finding finding = ready().policies(ca("p1").includeUsers(USER_ID).build()).evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "applyingPolicies")).containsEntry("id", "p1")
                .containsEntry("why", "included via the account itself (" + USER_ID + ") and not excluded");
    }

    @Test
    void theObjectIdIsComparedWithoutRegardToCase() {
        Finding finding = ready().policies(ca("p1").includeUsers(USER_ID.toUpperCase()).build()).evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "applyingPolicies").get("why").toString()).contains("the account itself");
    }

    @Test
    void anotherUsersIdDoesNotInclude() {
        Finding finding = ready().policies(ca("p1").includeUsers("9f0e0000-0000-4000-8000-000000000001").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 1);
        assertThat(list(finding, "applyingPolicies")).isEmpty();
    }

    @Test
    void groupsAndRolesTheAccountIsNotInDoNotInclude() {
        Finding finding = ready().groups("g-bg")
                .policies(ca("p-group").includeUsers().includeGroups("g-admins").build(),
                        ca("p-role").includeUsers().includeRoles("194ae4cb-b126-40b2-bd5b-6091b380977d").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 2);
        assertThat(list(finding, "applyingPolicies")).isEmpty();
        assertThat(list(finding, "undeterminedPolicies")).isEmpty();
    }

    @Test
    void groupIdsAreComparedWithoutRegardToCase() {
        Finding included = ready().groups("G-ADMINS")
                .policies(ca("p1").includeUsers().includeGroups("g-admins").build())
                .evaluate(bg020);
        Finding excluded = ready().groups("G-BG").policies(ca("p1").excludeGroups("g-bg").build()).evaluate(bg020);

        assertThat(included.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(included, "applyingPolicies").get("why").toString()).contains("group g-admins");
        assertThat(excluded.result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void roleIdsAreComparedWithoutRegardToCase() {
        Finding finding = ready().policies(ca("p1").includeUsers().includeRoles(GLOBAL_ADMIN.toUpperCase()).build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "applyingPolicies").get("why").toString()).contains("role");
    }

    @Test
    void anExclusionThatCannotBeDeterminedLeavesTheVerdictUnknown() {
        // Included through All users; whether the exclusion group holds the account cannot be read.
        Finding finding = ready().groupsUnreadable(NO_PERMISSION)
                .policies(ca("p1").excludeGroups("g-bg").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("permission-denied");
        assertThat(finding.gap()).isEqualTo(NO_PERMISSION);
        assertThat(only(finding, "undeterminedPolicies")).containsEntry("id", "p1")
                .containsEntry("why", "the account's groups are unreadable");
        assertThat(list(finding, "applyingPolicies")).isEmpty();
    }

    @Test
    void anUndeterminedRoleExclusionLeavesTheVerdictUnknown() {
        Finding finding = ready().rolesUnreadable(NO_PERMISSION)
                .policies(ca("p1").excludeRoles(GLOBAL_ADMIN).build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(only(finding, "undeterminedPolicies")).containsEntry("why", "the account's roles are unreadable");
    }

    @Test
    void anUndeterminedExclusionOfAPolicyThatDoesNotIncludeTheAccountDoesNotMatter() {
        Finding finding = ready().groupsUnreadable(NO_PERMISSION)
                .policies(ca("p1").includeUsers("9f0e0000-0000-4000-8000-000000000001").excludeGroups("g-bg").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "undeterminedPolicies")).isEmpty();
    }

    @Test
    void aPolicyThatAppliesWinsOverOneThatCannotBeDetermined() {
        Finding finding = ready().groupsUnreadable(NO_PERMISSION)
                .policies(ca("p-unknown").excludeGroups("g-bg").build(), ca("p-applies").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.gap()).isNull();
        assertThat(finding.message()).startsWith("1 enabled Conditional Access policy applies");
        assertThat(only(finding, "applyingPolicies")).containsEntry("id", "p-applies");
        assertThat(only(finding, "undeterminedPolicies")).containsEntry("id", "p-unknown");
    }

    @Test
    void twoApplyingPoliciesAreBothListed() {
        Finding finding = ready().policies(ca("p1").build(), ca("p2").build()).evaluate(bg020);

        assertThat(finding.message()).startsWith("2 enabled Conditional Access policies apply");
        assertThat(list(finding, "applyingPolicies")).extracting(p -> p.get("id")).containsExactly("p1", "p2");
    }

    @Test
    void aPimEligibleRoleDoesNotBringTheAccountIntoARolePolicy() {
        // Only active role assignments count (rules.md): Global Administrator is merely eligible here.
        Finding finding = ready().roles()
                .activeSchedules()
                .eligibleSchedules(globalAdminSchedule("Direct", null))
                .policies(ca("p1").includeUsers().includeRoles(GLOBAL_ADMIN).build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 1);
        assertThat(list(finding, "applyingPolicies")).isEmpty();
    }

    @Test
    void aGuestIsIncludedByGuestsOrExternalUsers() {
        Finding finding = ready().userType("Guest")
                .policies(ca("p1").includeUsers("GuestsOrExternalUsers").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "applyingPolicies").get("why").toString())
                .contains("GuestsOrExternalUsers (the account is not a member)");
    }

    @Test
    void aGuestIsExcludedByGuestsOrExternalUsersButAMemberIsNot() {
        var policy = ca("p1").excludeUsers("GuestsOrExternalUsers").build();

        Finding guest = ready().userType("Guest").policies(policy).evaluate(bg020);
        Finding member = ready().policies(policy).evaluate(bg020);

        assertThat(guest.result()).isEqualTo(RuleResult.PASS);
        assertThat(member.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(member, "applyingPolicies").get("why").toString()).contains("All users");
    }

    @Test
    void allInTheExclusionListDoesNotExcludeAnyone() {
        Finding finding = ready().policies(ca("p1").excludeUsers("All").build()).evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void anIncludeOfNoneAlongsideAGroupStillTargetsTheGroup() {
        Finding finding = ready().groups("g-admins")
                .policies(ca("p1").includeUsers("None").includeGroups("g-admins").build())
                .evaluate(bg020);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "applyingPolicies").get("why").toString()).contains("group g-admins");
    }

    // --- BG-022: lockout

    @Test
    void exactlyOneUsableCredentialSatisfiesMfa() {
        Finding finding = ready().methods(key("key-a", YUBIKEY_5)).policies(ca("p1").build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "lockingPolicies")).isEmpty();
        assertThat(finding.evidence()).containsEntry("policiesChecked", 1);
    }

    @Test
    void exactlyOneUsableCredentialSatisfiesAStrength() {
        Finding finding = ready().methods(key("key-a", YUBIKEY_5))
                .policies(ca("p1").strength("OR", PHISHING_RESISTANT).build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "lockingPolicies")).isEmpty();
        assertThat(list(finding, "undeterminedPolicies")).isEmpty();
    }

    @Test
    void aBlockLocksTheAccountOutWhateverElseTheGrantAllows() {
        Finding finding = ready().policies(ca("p1").strength("OR", PHISHING_RESISTANT, "block").build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies")).containsEntry("id", "p1")
                .containsEntry("why", "it applies (included via All users and not excluded) and it blocks access");
    }

    @Test
    void noUsableCredentialLocksTheAccountOutOfAnMfaPolicy() {
        Finding finding = ready().methods(method("ph", MethodKind.PHONE)).policies(ca("p1").build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies").get("why").toString())
                .contains("it requires MFA and the account has no usable credential");
    }

    @Test
    void anUndeterminedScopeLeavesTheLockoutUnknown() {
        Finding finding = ready().groupsUnreadable(NO_PERMISSION)
                .policies(ca("p1").grant("OR", "block").excludeGroups("g-bg").build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.gap()).isEqualTo(NO_PERMISSION);
        assertThat(only(finding, "undeterminedPolicies")).containsEntry("id", "p1")
                .containsEntry("why", "the account's groups are unreadable");
        assertThat(list(finding, "lockingPolicies")).isEmpty();
    }

    @Test
    void aPolicyThatDoesNotApplyIsNotJudgedEvenWhenItsGrantCannotBe() {
        Finding finding = ready().strengthsUnreadable(NO_PERMISSION)
                .policies(ca("p1").strength("OR", PHISHING_RESISTANT).excludeUsers(USER_ID).build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "undeterminedPolicies")).isEmpty();
    }

    @Test
    void aLockingPolicyWinsOverAnUndeterminedOne() {
        Finding finding = ready().strengthsUnreadable(NO_PERMISSION)
                .policies(ca("p-unknown").strength("OR", PHISHING_RESISTANT).build(),
                        ca("p-block").grant("OR", "block").build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("1 enabled Conditional Access policy locks");
        assertThat(only(finding, "lockingPolicies")).containsEntry("id", "p-block");
        assertThat(only(finding, "undeterminedPolicies")).containsEntry("id", "p-unknown")
                .containsEntry("why", "authentication strengths are unreadable");
    }

    @Test
    void anEmptyGrantAndSessionControlsOnlyCanAlwaysBeSatisfied() {
        Finding finding = ready().methods(method("ph", MethodKind.PHONE))
                .policies(ca("empty").grant(new GrantControls("OR", List.of(), List.of(), List.of(), null)).build(),
                        ca("session").grant((GrantControls) null).build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 2);
        assertThat(list(finding, "lockingPolicies")).isEmpty();
    }

    @Test
    void anUnknownBuiltInControlCannotBeGuaranteed() {
        Finding finding = ready().policies(ca("p1").grant("AND", "mfa", "riskRemediation").build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies").get("why").toString())
                .contains("it requires riskRemediation, which Glasswarden cannot guarantee in an emergency");
    }

    @Test
    void anUnknownBuiltInControlNextToMfaWithOrCanBeSatisfied() {
        assertThat(ready().policies(ca("p1").grant("OR", "riskRemediation", "mfa").build()).evaluate(bg022).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void deviceAndAppControlsCannotBeGuaranteed() {
        for (String control : List.of("compliantDevice", "domainJoinedDevice", "approvedApplication",
                "compliantApplication", "passwordChange")) {
            Finding finding = ready().policies(ca("p1").grant("AND", "mfa", control).build()).evaluate(bg022);

            assertThat(finding.result()).as(control).isEqualTo(RuleResult.FAIL);
            assertThat(only(finding, "lockingPolicies").get("why").toString()).as(control)
                    .contains("it requires " + control + ", which cannot be guaranteed in an emergency");
        }
    }

    @Test
    void aMissingOperatorIsReadAsAnd() {
        // With OR, mfa alone would satisfy the grant; a missing operator must take the stricter reading.
        Finding finding = ready().policies(ca("p1").grant(null, "mfa", "compliantDevice").build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies").get("why").toString()).contains("compliantDevice");
    }

    @Test
    void theOperatorIsReadWithoutRegardToCase() {
        assertThat(ready().policies(ca("p1").grant("or", "mfa", "compliantDevice").build()).evaluate(bg022).result())
                .isEqualTo(RuleResult.PASS);
    }

    @Test
    void customControlsCannotBeGuaranteedButTermsOfUseCan() {
        Finding custom = ready().policies(ca("p1")
                .grant(new GrantControls("AND", List.of("mfa"), List.of("duo"), List.of(), null))
                .build()).evaluate(bg022);
        Finding terms = ready().policies(ca("p1")
                .grant(new GrantControls("AND", List.of("mfa"), List.of(), List.of("tou-1"), null))
                .build()).evaluate(bg022);

        assertThat(custom.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(custom, "lockingPolicies").get("why").toString())
                .contains("it requires custom control 'duo', which cannot be guaranteed");
        assertThat(terms.result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void termsOfUseAloneSatisfiesAnOrGrantThatAlsoOffersACompliantDevice() {
        Finding finding = ready().policies(ca("p1")
                .grant(new GrantControls("OR", List.of("compliantDevice"), List.of(), List.of("tou-1"), null))
                .build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "lockingPolicies")).isEmpty();
    }

    @Test
    void aDisabledBlockPolicyIsIgnored() {
        Finding finding = ready().policies(ca("p1").state("disabled").grant("OR", "block").build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("policiesChecked", 0);
    }

    @Test
    void certificateBasedAuthenticationSatisfiesAPhishingResistantStrength() {
        Finding finding = cbaOnly().policies(ca("p1").strength("OR", PHISHING_RESISTANT).build()).evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(list(finding, "lockingPolicies")).isEmpty();
    }

    @Test
    void certificateBasedAuthenticationDoesNotSatisfyAStrengthWithoutTheX509Combination() {
        var fido2Only = new io.glasswarden.directory.AuthenticationStrength("s-fido2", "FIDO2 only",
                List.of("fido2"), List.of());
        Finding finding = cbaOnly().strengths(fido2Only)
                .policies(ca("p1").strength("OR", "s-fido2").build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies").get("why").toString())
                .contains("no usable credential meets authentication strength 'FIDO2 only'");
    }

    @Test
    void aStrengthThePolicyNamesButGraphDidNotReturnIsUnknown() {
        Finding finding = ready().policies(ca("p1").strength("OR", "5a1e0000-0000-4000-8000-000000000001").build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(only(finding, "undeterminedPolicies").get("why").toString())
                .contains("authentication strength 5a1e0000-0000-4000-8000-000000000001 is unknown");
    }

    @Test
    void aStrengthAaguidListExcludesOtherKeyModels() {
        Finding finding = ready().methods(key("key-a", YUBIKEY_5))
                .strengths(FactsBuilder.phishingResistantStrength(List.of("2fc0579f-8113-47ea-b116-bb5a8db9202a")))
                .policies(ca("p1").strength("OR", PHISHING_RESISTANT).build())
                .evaluate(bg022);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(only(finding, "lockingPolicies").get("why").toString()).contains("FIDO2 AAGUIDs");
    }

    /** An account whose only phishing-resistant credential is a ready certificate-based authentication. */
    private static FactsBuilder cbaOnly() {
        return ready().methods(method("pw", MethodKind.PASSWORD))
                .certificateUserIds("X509:<PN>bg-01@contoso.onmicrosoft.com")
                .x509(cbaPolicy("enabled", "certificateUserIds", "x509CertificateMultiFactor"), FactsBuilder.ca());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Finding finding, String key) {
        return (List<Map<String, Object>>) finding.evidence().get(key);
    }

    private static Map<String, Object> only(Finding finding, String key) {
        assertThat(list(finding, key)).hasSize(1);
        return list(finding, key).get(0);
    }
}
