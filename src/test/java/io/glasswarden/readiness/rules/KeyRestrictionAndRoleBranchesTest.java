package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.GLOBAL_ADMIN;
import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5;
import static io.glasswarden.readiness.FactsBuilder.YUBIKEY_5_NFC;
import static io.glasswarden.readiness.FactsBuilder.allUsers;
import static io.glasswarden.readiness.FactsBuilder.block;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.directGlobalAdmin;
import static io.glasswarden.readiness.FactsBuilder.fido2Policy;
import static io.glasswarden.readiness.FactsBuilder.fido2Profiles;
import static io.glasswarden.readiness.FactsBuilder.group;
import static io.glasswarden.readiness.FactsBuilder.key;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.role;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.KeyRestrictions;
import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.directory.PolicyTarget;
import io.glasswarden.directory.RoleSchedule;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

/** BG-013 (key restrictions) and BG-030 (permanent Global Administrator) at rule level, at their edges. */
class KeyRestrictionAndRoleBranchesTest {
    private static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    private static final String OTHER_USER = "7c9e0000-0000-4000-8000-0000000000aa";
    private final Bg013KeyRestrictionsRule bg013 = new Bg013KeyRestrictionsRule();
    private final Bg030PermanentGlobalAdministratorRule bg030 = new Bg030PermanentGlobalAdministratorRule();

    // --- BG-013

    @Test
    void aBlockListNamesTheBlockedKeyAndTheRestriction() {
        Finding finding = ready().fido2(fido2Policy(List.of(allUsers()), List.of(), block(YUBIKEY_5.toUpperCase())))
                .evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("1 of the account's 2 FIDO2 keys are not permitted");
        assertThat(blocked(finding)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("id", "key-a").containsEntry("aaGuid", YUBIKEY_5);
            assertThat(k).containsEntry("blockedBy", "on the block list of the FIDO2 key restrictions");
        });
    }

    @Test
    void aBlockListThatIsNotEnforcedBlocksNothing() {
        Finding finding = ready().fido2(fido2Policy(List.of(allUsers()), List.of(),
                new KeyRestrictions(false, "block", List.of(YUBIKEY_5)))).evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(blocked(finding)).isEmpty();
    }

    @Test
    void theEnforcementTypeIsReadWithoutRegardToCase() {
        Finding finding = ready().fido2(fido2Policy(List.of(allUsers()), List.of(),
                new KeyRestrictions(true, "Allow", List.of(YUBIKEY_5)))).evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(blocked(finding)).singleElement()
                .satisfies(k -> assertThat(k).containsEntry("aaGuid", YUBIKEY_5_NFC));
    }

    @Test
    void unreadableMethodsAreUnknownWithTheirReason() {
        Finding finding = ready().methodsUnreadable(NO_PERMISSION).evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.gap()).isEqualTo(NO_PERMISSION);
    }

    @Test
    void anUnknownEnforcementTypeIsUnknownNotAPass() {
        Finding finding = ready().fido2(fido2Policy(List.of(allUsers()), List.of(),
                new KeyRestrictions(true, "unknownFutureValue", List.of(YUBIKEY_5)))).evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.UNKNOWN);
        assertThat(finding.reason()).isEqualTo("graph-error");
        assertThat(finding.message()).contains("unrecognised enforcement type 'unknownFutureValue'");
        assertThat(blocked(finding)).isEmpty();
    }

    @Test
    void aBlockedKeyWinsOverAnUndeterminedOne() {
        // key-a: blocked by p1, and p2 does not take device-bound keys; key-s: p1 does not take synced keys, p2
        // cannot be judged (unknown enforcement type).
        PasskeyProfile blocking = new PasskeyProfile("p1", "Blocking", List.of("deviceBound"), block(YUBIKEY_5));
        PasskeyProfile odd = new PasskeyProfile("p2", "Odd", List.of("synced"),
                new KeyRestrictions(true, "unknownFutureValue", List.of()));
        Finding finding = ready().methods(key("key-a", YUBIKEY_5), key("key-s", YUBIKEY_5_NFC, "attested", "synced"))
                .fido2(fido2Profiles(List.of(group(PolicyTarget.ALL_USERS, "p1", "p2")), null, blocking, odd))
                .evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.gap()).isNull();
        assertThat(blocked(finding)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("id", "key-a");
            assertThat(k.get("blockedBy").toString()).contains("on the block list of passkey profile 'Blocking' (p1)")
                    .contains("passkey profile 'Odd' (p2) does not allow deviceBound passkeys");
        });
    }

    @Test
    void aProfileThatDoesNotAllowTheKeysPasskeyTypeBlocksIt() {
        PasskeyProfile deviceBoundOnly = new PasskeyProfile("p1", "Device-bound only", List.of("deviceBound"), null);
        Finding finding = ready().methods(key("key-a", YUBIKEY_5), key("key-s", YUBIKEY_5_NFC, "attested", "synced"))
                .fido2(fido2Profiles(List.of(allUsers()), "p1", deviceBoundOnly))
                .evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(blocked(finding)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("id", "key-s");
            assertThat(k).containsEntry("blockedBy",
                    "passkey profile 'Device-bound only' (p1) does not allow synced passkeys");
        });
    }

    @Test
    void passkeyTypesSentAsAFlagsEnumAreSplit() {
        PasskeyProfile both = new PasskeyProfile("p1", "Both", List.of("deviceBound, Synced"), null);
        Finding finding = ready().methods(key("key-s", YUBIKEY_5_NFC, "attested", "synced"))
                .fido2(fido2Profiles(List.of(allUsers()), "p1", both))
                .evaluate(bg013);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
    }

    // --- BG-030

    @Test
    void eligibilityForAnotherRoleIsNotGlobalAdministratorEligibility() {
        Finding finding = ready().roles()
                .activeSchedules()
                .eligibleSchedules(new RoleSchedule(PRIVILEGED_ROLE_ADMIN, "/", USER_ID, "Direct", null,
                        NOW.minus(days(10)), null))
                .evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("The account is not a Global Administrator");
        assertThat(finding.evidence()).containsEntry("eligible", false).containsEntry("viaGroup", false);
    }

    @Test
    void anotherPrincipalsDirectAssignmentDoesNotCount() {
        Finding finding = ready().roles(role(GLOBAL_ADMIN, OTHER_USER, false)).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).startsWith("The account is not a Global Administrator");
        assertThat(finding.evidence().get("activeAssignments").toString()).contains(OTHER_USER);
    }

    @Test
    void theAccountsOwnAssignmentIsFoundWhateverTheCaseOfItsIds() {
        Finding finding = ready().roles(new io.glasswarden.directory.RoleAssignment("ra-1", GLOBAL_ADMIN.toUpperCase(),
                "/", USER_ID.toUpperCase(), false)).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).isEqualTo("The account is a permanent Global Administrator.");
    }

    @Test
    void unreadableEligibilityWithoutAnActiveAssignmentFailsAndSaysTheEligibilityIsUnreadable() {
        Finding finding = ready().roles().activeSchedules().eligibleSchedulesUnreadable(NO_LICENCE).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.evidence()).containsEntry("eligible", "unreadable");
    }

    @Test
    void unreadableActiveSchedulesCountTheDirectAssignmentAsPermanentAndTheEvidenceSaysSo() {
        Finding finding = ready().roles(directGlobalAdmin()).activeSchedulesUnreadable(NO_LICENCE).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).contains("end date unreadable, counted as permanent");
        assertThat(finding.evidence()).containsEntry("scheduleData",
                "unreadable (license-required, Microsoft Entra ID P1); the active direct assignment is counted as permanent");
    }

    @Test
    void onlyDirectTenantWideSchedulesDecideTheEndDate() {
        RoleSchedule viaGroupEnding = new RoleSchedule(GLOBAL_ADMIN, "/", "g-1", "Group", "Assigned",
                NOW.minus(days(10)), NOW.plus(days(5)));
        RoleSchedule unitEnding = new RoleSchedule(GLOBAL_ADMIN, "/administrativeUnits/au-1", USER_ID, "Direct",
                "Assigned", NOW.minus(days(10)), NOW.plus(days(5)));
        RoleSchedule otherRoleEnding = new RoleSchedule(PRIVILEGED_ROLE_ADMIN, "/", USER_ID, "Direct", "Assigned",
                NOW.minus(days(10)), NOW.plus(days(5)));
        Finding finding = ready().activeSchedules(viaGroupEnding, unitEnding, otherRoleEnding).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.evidence()).containsEntry("endDates", List.of())
                .containsEntry("scheduleData",
                        "no schedule instance found for the direct assignment; counted as permanent");
    }

    @Test
    void aPermanentDirectScheduleListsNoEndDateEvenNextToAnEndingOne() {
        RoleSchedule ending = new RoleSchedule(GLOBAL_ADMIN, "/", USER_ID, "Direct", "Assigned", NOW.minus(days(10)),
                NOW.plus(days(5)));
        RoleSchedule permanent = new RoleSchedule(GLOBAL_ADMIN, "/", USER_ID, "Direct", "Assigned",
                NOW.minus(days(400)), null);
        Finding finding = ready().activeSchedules(permanent, ending).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat(finding.message()).isEqualTo("The account is a permanent Global Administrator.");
        assertThat(finding.evidence()).containsEntry("endDates", List.of(NOW.plus(days(5)).toString()))
                .doesNotContainKey("scheduleData");
    }

    @Test
    void anEndingDirectScheduleFailsAndNamesTheDate() {
        RoleSchedule ending = new RoleSchedule(GLOBAL_ADMIN, "/", USER_ID, "direct", "Assigned", NOW.minus(days(10)),
                NOW.plus(days(5)));
        Finding finding = ready().activeSchedules(ending).evaluate(bg030);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("ends on " + NOW.plus(days(5)));
        assertThat(finding.evidence()).containsEntry("endDates", List.of(NOW.plus(days(5)).toString()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocked(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("blockedKeys");
    }
}
