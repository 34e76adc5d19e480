package io.glasswarden.directory.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import io.glasswarden.directory.UnknownReason;

/**
 * Tenant-wide role reads filtered by principal ids (the accounts and their role-assignable groups): active
 * assignments, active and eligible PIM schedule instances. Normally {@code principalId in (…)} with 15 ids per step
 * ({@code r{i}-…}): three steps per 15 principals instead of three per account. Should Graph reject the {@code in}
 * filter (400), the reads are repeated with one {@code principalId eq} step per principal ({@code p{i}-…}).
 */
final class RoleReads {

    static final int IDS_PER_STEP = 15;
    private static final String BASE = "/roleManagement/directory/";
    private static final List<String> KINDS = List.of("-assignments", "-active", "-eligible");

    private RoleReads() {
    }

    /** The raw items of the three reads, or the gap of the first step that failed. */
    record RoleData(Fact<List<JsonNode>> assignments, Fact<List<JsonNode>> active, Fact<List<JsonNode>> eligible) {
    }

    static List<GraphStep> steps(Collection<String> principalIds, boolean onePerStep) {
        List<GraphStep> steps = new ArrayList<>();
        List<List<String>> chunks = chunks(principalIds, onePerStep ? 1 : IDS_PER_STEP);
        for (int i = 0; i < chunks.size(); i++) {
            List<String> ids = chunks.get(i);
            String filter = GraphPaths.filter(onePerStep
                    ? "principalId eq " + GraphPaths.literal(ids.get(0))
                    : GraphPaths.in("principalId", ids));
            String prefix = (onePerStep ? "p" : "r") + i;
            steps.add(GraphStep.of(prefix + "-assignments", BASE + "roleAssignments?" + filter));
            steps.add(GraphStep.of(prefix + "-active", BASE + "roleAssignmentScheduleInstances?" + filter));
            steps.add(GraphStep.of(prefix + "-eligible", BASE + "roleEligibilityScheduleInstances?" + filter));
        }
        return steps;
    }

    /**
     * Whether Graph refused the {@code in} filter of a chunked read. Licence answers (400
     * {@code AadPremiumLicenseRequired} without Entra ID P2) are final, not a reason to read per principal.
     */
    static boolean filterRejected(Map<String, GraphResponse> results) {
        return results.entrySet()
                .stream()
                .anyMatch(e -> e.getKey().startsWith("r")
                        && KINDS.stream().anyMatch(e.getKey()::endsWith)
                        && GraphErrorClassifier.refusedQuery(e.getValue()));
    }

    static RoleData collect(Collection<String> principalIds, Map<String, GraphResponse> results, boolean onePerStep) {
        int steps = chunks(principalIds, onePerStep ? 1 : IDS_PER_STEP).size();
        String prefix = onePerStep ? "p" : "r";
        return new RoleData(items(DataArea.ROLE_ASSIGNMENTS, prefix, "-assignments", steps, results),
                items(DataArea.ACTIVE_ROLE_SCHEDULES, prefix, "-active", steps, results),
                items(DataArea.ELIGIBLE_ROLE_SCHEDULES, prefix, "-eligible", steps, results));
    }

    static Fact<List<RoleAssignment>> assignments(Fact<List<JsonNode>> items, AccountReads.Partial account) {
        return forAccount(DataArea.ROLE_ASSIGNMENTS, items, account, RoleMapper::assignment);
    }

    static Fact<List<RoleSchedule>> schedules(DataArea area, Fact<List<JsonNode>> items,
            AccountReads.Partial account) {
        return forAccount(area, items, account, (node, userId) -> RoleMapper.schedule(node));
    }

    /**
     * The items whose principal is the user or one of its role-assignable groups. Unknown when the user id or the
     * groups are unknown: group-derived roles could not be told apart then (fail closed).
     */
    private static <T> Fact<List<T>> forAccount(DataArea area, Fact<List<JsonNode>> items,
            AccountReads.Partial account, BiFunction<JsonNode, String, T> mapper) {
        if (account.notFound()) {
            return AccountReads.notFound(area);
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

    private static Fact<List<JsonNode>> items(DataArea area, String prefix, String suffix, int steps,
            Map<String, GraphResponse> results) {
        Map<String, JsonNode> byId = new LinkedHashMap<>(); // a group's item may answer two filters
        for (int i = 0; i < steps; i++) {
            GraphResponse response = results.get(prefix + i + suffix);
            if (response == null) {
                return Fact.unknown(DataGap.of(area.data(), UnknownReason.GRAPH_ERROR, "not read"));
            }
            if (!response.ok()) {
                return Fact.unknown(GraphErrorClassifier.gap(area, response));
            }
            response.body().path("value").forEach(n -> byId.putIfAbsent(String.valueOf(JsonFields.text(n, "id")), n));
        }
        return Fact.known(List.copyOf(byId.values()));
    }

    static List<List<String>> chunks(Collection<String> ids, int size) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += size) {
            chunks.add(List.copyOf(distinct.subList(i, Math.min(distinct.size(), i + size))));
        }
        return chunks;
    }
}
