package io.glasswarden.directory.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;

/**
 * Tenant-wide role reads filtered by principal ids (the accounts and their role-assignable groups), 15 ids per step:
 * three steps per 15 principals instead of three per account. Active assignments, active schedule instances and
 * eligible schedule instances.
 */
final class RoleReads {

    static final int IDS_PER_STEP = 15;
    private static final String BASE = "/roleManagement/directory/";

    private RoleReads() {
    }

    /** The raw items of the three reads, or the gap of the first chunk that failed. */
    record RoleData(Fact<List<JsonNode>> assignments, Fact<List<JsonNode>> active, Fact<List<JsonNode>> eligible) {
    }

    static List<GraphStep> steps(Collection<String> principalIds) {
        List<GraphStep> steps = new ArrayList<>();
        List<List<String>> chunks = chunks(principalIds);
        for (int i = 0; i < chunks.size(); i++) {
            String filter = GraphPaths.filter(GraphPaths.in("principalId", chunks.get(i)));
            steps.add(GraphStep.of("r" + i + "-assignments", BASE + "roleAssignments?" + filter));
            steps.add(GraphStep.of("r" + i + "-active", BASE + "roleAssignmentScheduleInstances?" + filter));
            steps.add(GraphStep.of("r" + i + "-eligible", BASE + "roleEligibilityScheduleInstances?" + filter));
        }
        return steps;
    }

    static RoleData collect(Collection<String> principalIds, Map<String, GraphResponse> results) {
        int chunks = chunks(principalIds).size();
        return new RoleData(items(DataArea.ROLE_ASSIGNMENTS, "-assignments", chunks, results),
                items(DataArea.ACTIVE_ROLE_SCHEDULES, "-active", chunks, results),
                items(DataArea.ELIGIBLE_ROLE_SCHEDULES, "-eligible", chunks, results));
    }

    static Fact<List<RoleAssignment>> assignments(Fact<List<JsonNode>> items, AccountReads.Partial account) {
        return forAccount(items, account, RoleMapper::assignment);
    }

    static Fact<List<RoleSchedule>> schedules(Fact<List<JsonNode>> items, AccountReads.Partial account) {
        return forAccount(items, account, (node, userId) -> RoleMapper.schedule(node));
    }

    /**
     * The items whose principal is the user or one of its role-assignable groups. Unknown when the user id or the
     * groups are unknown: group-derived roles could not be told apart then (fail closed).
     */
    private static <T> Fact<List<T>> forAccount(Fact<List<JsonNode>> items, AccountReads.Partial account,
            BiFunction<JsonNode, String, T> mapper) {
        if (account.notFound()) {
            return AccountReads.notFound(DataArea.ROLE_ASSIGNMENTS);
        }
        if (account.userId() == null) {
            return Fact.unknown(account.userGap());
        }
        if (!account.groups().isKnown()) {
            return Fact.unknown(account.groups().missing().orElseThrow());
        }
        if (!items.isKnown()) {
            return Fact.unknown(items.missing().orElseThrow());
        }
        Set<String> principals = new HashSet<>();
        principals.add(account.userId().toLowerCase(Locale.ROOT));
        account.roleAssignableGroups().forEach(g -> principals.add(g.toLowerCase(Locale.ROOT)));
        return Fact.known(items.value()
                .stream()
                .filter(n -> principals.contains(String.valueOf(JsonFields.lowerText(n, "principalId"))))
                .map(n -> mapper.apply(n, account.userId()))
                .toList());
    }

    private static Fact<List<JsonNode>> items(DataArea area, String suffix, int chunks,
            Map<String, GraphResponse> results) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            GraphResponse response = results.get("r" + i + suffix);
            if (response == null || !response.ok()) {
                DataGap gap = response == null
                        ? DataGap.of(area.data(), io.glasswarden.directory.UnknownReason.GRAPH_ERROR,
                                "not read")
                        : GraphErrorClassifier.gap(area, response);
                return Fact.unknown(gap);
            }
            response.body().path("value").forEach(out::add);
        }
        return Fact.known(List.copyOf(out));
    }

    static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += IDS_PER_STEP) {
            chunks.add(List.copyOf(distinct.subList(i, Math.min(distinct.size(), i + IDS_PER_STEP))));
        }
        return chunks;
    }
}
