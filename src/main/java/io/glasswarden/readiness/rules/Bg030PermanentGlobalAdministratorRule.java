package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.Optional;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/**
 * BG-030: the account holds Global Administrator permanently, directly and tenant-wide, so nothing (PIM, group
 * membership) must work during an outage before it has the role.
 */
public final class Bg030PermanentGlobalAdministratorRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-030", "Permanent Global Administrator",
            Severity.HIGH,
            "Assign Global Administrator to the account directly, as an active assignment at tenant scope with no end "
                    + "date (permanent), not PIM-eligible and not through a group.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");
    static final String TENANT_SCOPE = "/";

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        Fact<List<RoleAssignment>> active = context.account().activeRoleAssignments();
        if (!active.isKnown()) {
            return RULE.unknown(active.missing().orElseThrow());
        }
        String userId = context.userId();
        List<RoleAssignment> globalAdmin = active.value()
                .stream()
                .filter(a -> RoleAssignment.GLOBAL_ADMINISTRATOR.equalsIgnoreCase(a.roleTemplateId())
                        && TENANT_SCOPE.equals(a.directoryScopeId()))
                .toList();
        Optional<RoleAssignment> direct = globalAdmin.stream()
                .filter(a -> !a.viaGroup() && a.principalId() != null && a.principalId().equalsIgnoreCase(userId))
                .findFirst();
        Evidence evidence = Evidence.of("roleTemplateId", RoleAssignment.GLOBAL_ADMINISTRATOR)
                .put(
                        "activeAssignments", globalAdmin.stream()
                                .map(a -> Evidence.entry("id", a.id(), "principalId",
                                        a.principalId(), "viaGroup", a.viaGroup(), "directoryScopeId",
                                        a.directoryScopeId()))
                                .toList());
        if (direct.isPresent()) {
            return judgeDirect(context, evidence);
        }
        return judgeMissing(context, globalAdmin, evidence);
    }

    private Finding judgeDirect(AccountContext context, Evidence evidence) {
        Fact<List<RoleSchedule>> schedules = context.account().activeRoleSchedules();
        if (!schedules.isKnown()) {
            // rules.md BG-030: schedule data unreadable (licence) → an active assignment counts as permanent
            DataGap gap = schedules.missing().orElseThrow();
            evidence.put("scheduleData", "unreadable (" + gap.reason().wireValue()
                    + (gap.licence() == null ? "" : ", " + gap.licence())
                    + "); the active direct assignment is counted as permanent");
            return RULE.pass("The account is a Global Administrator through a direct active assignment "
                    + "(end date unreadable, counted as permanent).", evidence, gap);
        }
        List<RoleSchedule> ending = schedules.value()
                .stream()
                .filter(this::directGlobalAdmin)
                .filter(s -> s.endDateTime() != null)
                .toList();
        boolean permanent = schedules.value()
                .stream()
                .filter(this::directGlobalAdmin)
                .anyMatch(s -> s.endDateTime() == null);
        evidence.put("endDates", ending.stream().map(RoleSchedule::endDateTime).toList());
        if (!permanent && ending.isEmpty()) {
            evidence.put("scheduleData", "no schedule instance found for the direct assignment; counted as permanent");
        }
        if (permanent || ending.isEmpty()) {
            return RULE.pass("The account is a permanent Global Administrator.", evidence);
        }
        return RULE.fail("The account's Global Administrator assignment ends on " + ending.get(0).endDateTime()
                + ", so it will lose the role.", evidence);
    }

    private Finding judgeMissing(AccountContext context, List<RoleAssignment> globalAdmin, Evidence evidence) {
        boolean viaGroup = globalAdmin.stream().anyMatch(RoleAssignment::viaGroup);
        Fact<List<RoleSchedule>> eligible = context.account().eligibleRoleSchedules();
        boolean isEligible = eligible.isKnown() && eligible.value()
                .stream()
                .anyMatch(s -> RoleAssignment.GLOBAL_ADMINISTRATOR.equalsIgnoreCase(s.roleTemplateId()));
        evidence.put("viaGroup", viaGroup).put("eligible", eligible.isKnown() ? isEligible : "unreadable");
        // a direct assignment is required whatever groups hold or PIM allows, so unread data cannot change the FAIL
        DataGap groupRoles = context.account().groupRolesUnread().orElse(null);
        if (groupRoles != null) {
            evidence.put("rolesThroughGroups", "unreadable (" + groupRoles.detail() + ")");
        }
        DataGap unread = groupRoles != null ? groupRoles : eligible.missing().orElse(null);
        if (isEligible) {
            return RULE.fail("The account is only PIM-eligible for Global Administrator: activation may be impossible "
                    + "during an outage.", evidence);
        }
        if (viaGroup) {
            return RULE.fail("The account is a Global Administrator only through a group: a change to that group "
                    + "removes the role.", evidence, unread);
        }
        if (groupRoles != null) {
            return RULE.fail("The account holds no direct Global Administrator assignment (any it may hold through a "
                    + "group could not be read, and would not count), so it may be unable to repair the tenant in an "
                    + "emergency.", evidence, unread);
        }
        return RULE.fail("The account is not a Global Administrator, so it cannot repair the tenant in an "
                + "emergency.", evidence, unread);
    }

    private boolean directGlobalAdmin(RoleSchedule schedule) {
        return RoleAssignment.GLOBAL_ADMINISTRATOR.equalsIgnoreCase(schedule.roleTemplateId())
                && TENANT_SCOPE.equals(schedule.directoryScopeId()) && "Direct".equalsIgnoreCase(schedule.memberType());
    }
}
