package io.glasswarden.readiness.rules;

import static io.glasswarden.readiness.FactsBuilder.GLOBAL_ADMIN;
import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.NO_PERMISSION;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.globalAdminSchedule;
import static io.glasswarden.readiness.FactsBuilder.ready;
import static io.glasswarden.readiness.FactsBuilder.role;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleResult;

class Bg030PermanentGlobalAdministratorRuleTest {
    private final Bg030PermanentGlobalAdministratorRule rule = new Bg030PermanentGlobalAdministratorRule();

    @Test
    void directPermanentAssignmentPasses() {
        assertThat(ready().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void timeBoundAssignmentFails() {
        Finding finding = ready().activeSchedules(globalAdminSchedule("Direct", NOW.plus(days(3)))).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("ends on");
    }

    @Test
    void unreadableSchedulesCountTheActiveAssignmentAsPermanent() {
        Finding finding = ready().activeSchedulesUnreadable(NO_LICENCE).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat((String) finding.evidence().get("scheduleData")).contains("counted as permanent");
        // the licence is still reported (tenant data gaps), but a PASS carries no reason
        assertThat(finding.gap()).isEqualTo(NO_LICENCE);
        assertThat(finding.reason()).isNull();
    }

    @Test
    void directAssignmentWithoutScheduleInstanceCountsAsPermanent() {
        Finding finding = ready().activeSchedules().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.PASS);
        assertThat((String) finding.evidence().get("scheduleData")).contains("no schedule instance found");
    }

    @Test
    void permanentScheduleWinsOverAnEndingOne() {
        assertThat(ready().activeSchedules(globalAdminSchedule("Direct", NOW.plus(days(3))),
                globalAdminSchedule("Direct", null)).evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void aDirectPermanentAssignmentPassesWhateverGroupsHold() {
        assertThat(ready().groupRolesUnread().evaluate(rule).result()).isEqualTo(RuleResult.PASS);
    }

    @Test
    void noDirectAssignmentFailsEvenWhenRolesThroughGroupsAreUnread() {
        Finding finding = ready().roles().groupRolesUnread().evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("no direct Global Administrator assignment");
        assertThat((String) finding.evidence().get("rolesThroughGroups")).startsWith("unreadable");
    }

    @Test
    void onlyEligibleFails() {
        Finding finding = ready().roles()
                .eligibleSchedules(new RoleSchedule(GLOBAL_ADMIN, "/", USER_ID, "Direct",
                        null, NOW.minus(days(10)), null))
                .evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("activation may be impossible during an outage");
    }

    @Test
    void onlyThroughGroupFails() {
        Finding finding = ready().roles(role(GLOBAL_ADMIN, "g-admins", true)).evaluate(rule);

        assertThat(finding.result()).isEqualTo(RuleResult.FAIL);
        assertThat(finding.message()).contains("through a group");
    }

    @Test
    void assignmentAtNarrowerScopeDoesNotCount() {
        assertThat(ready().roles(new RoleAssignment("ra", GLOBAL_ADMIN, "/administrativeUnits/au", USER_ID, false))
                .evaluate(rule)
                .result()).isEqualTo(RuleResult.FAIL);
    }

    @Test
    void otherRoleFails() {
        assertThat(ready().roles(role("e8611ab8-c189-46e8-94e1-60213ab1f814", USER_ID, false))
                .evaluate(rule)
                .message()).contains("not a Global Administrator");
    }

    @Test
    void unreadableAssignmentsAreUnknown() {
        assertThat(ready().rolesUnreadable(NO_PERMISSION).evaluate(rule).result()).isEqualTo(RuleResult.UNKNOWN);
    }
}
