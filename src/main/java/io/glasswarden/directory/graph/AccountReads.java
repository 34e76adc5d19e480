package io.glasswarden.directory.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignInActivity;
import io.glasswarden.directory.UnknownReason;

/**
 * The batch steps of one account ({@code a{i}-user}, {@code a{i}-activity} when the object id is known,
 * {@code a{i}-methods}, {@code a{i}-groups}; {@code b{i}-…} when an unknown object id is retried by UPN;
 * {@code x{i}-activity} in round 2 for accounts resolved by UPN) and what they tell. Role data comes from tenant-wide reads filtered by principal ids
 * ({@link RoleReads}), which need the user id and the role-assignable groups found here.
 */
final class AccountReads {

    // displayName is always set on a group read with GroupMember.Read.All; limited-information objects carry only
    // id and @odata.type (other properties absent or null), so a group without it tells the read was limited
    static final String GROUP_SELECT = "id,displayName,isAssignableToRole";

    private AccountReads() {
    }

    /** Facts of one account from its own steps, before roles are known. */
    record Partial(AccountRef ref, Fact<Optional<DirectoryUser>> user, String userId, DataGap userGap,
            boolean notFound, Fact<SignInActivity> activity, boolean activityRead,
            Fact<List<AuthenticationMethod>> methods,
            Fact<Set<String>> groups, Set<String> roleAssignableGroups, DataGap groupRolesGap) {
    }

    /** Roles through groups cannot be told without knowing which groups are role-assignable. */
    static final DataGap LIMITED_GROUPS = new DataGap("roles held through groups", UnknownReason.PERMISSION_DENIED,
            DataArea.GROUPS.permission(), null, "Graph returned the account's groups with limited information "
                    + "(no isAssignableToRole): the app registration lacks " + DataArea.GROUPS.permission());

    /** The steps of one account, with ids {@code {prefix}-user} etc. */
    static List<GraphStep> steps(String prefix, AccountRef ref, GraphCloud cloud) {
        String user = GraphPaths.user(ref);
        List<GraphStep> steps = new ArrayList<>();
        steps.add(GraphStep.of(prefix + "-user", user + "?" + GraphPaths.select(UserMapper.USER_SELECT)));
        if (blankToNull(ref.objectId()) != null) {
            // by UPN Graph refuses signInActivity (400 "Get By Key only supports UserId…"): such accounts get it
            // by object id in round 2 (activityStep), which they need anyway for roles
            steps.add(activityStep(prefix, ref.objectId()));
        }
        if (cloud.offersAuthenticationMethods()) {
            steps.add(GraphStep.of(prefix + "-methods", user + "/authentication/methods"));
        }
        steps.addAll(List.of(
                // an OData cast is an advanced query: ConsistencyLevel eventual and $count=true (user-list-transitivememberof)
                GraphStep.of(prefix + "-groups", user + "/transitiveMemberOf/microsoft.graph.group?"
                        + GraphPaths.select(GROUP_SELECT) + "&$count=true&$top=999").eventual()));
        return List.copyOf(steps);
    }

    /** {@code signInActivity} of a resolved account, by object id (the only key Graph accepts for it). */
    static GraphStep activityStep(String prefix, String objectId) {
        return GraphStep.of(prefix + "-activity",
                "/users/" + GraphPaths.encode(objectId) + "?" + GraphPaths.select(UserMapper.ACTIVITY_SELECT));
    }

    /** The round-2 step ({@code x{i}-activity}) of an account whose activity round 1 could not ask for. */
    static Optional<GraphStep> lateActivityStep(int index, Partial partial) {
        if (partial.activityRead() || partial.notFound() || partial.userId() == null) {
            return Optional.empty();
        }
        return Optional.of(activityStep("x" + index, partial.userId()));
    }

    /** The partial with the activity read in round 2 (when it was asked for there). */
    static Partial withLateActivity(int index, Partial partial, Map<String, GraphResponse> round2) {
        GraphResponse late = round2.get("x" + index + "-activity");
        if (late == null) {
            return partial;
        }
        return new Partial(partial.ref(), partial.user(), partial.userId(), partial.userGap(), partial.notFound(),
                read(DataArea.SIGN_IN_ACTIVITY, late, UserMapper::activity), true, partial.methods(),
                partial.groups(), partial.roleAssignableGroups(), partial.groupRolesGap());
    }

    /** Whether the object id was not found but a UPN is there to try (BG-001: by object id, else by UPN). */
    static boolean retryByUpn(String prefix, AccountRef ref, Map<String, GraphResponse> results) {
        return results.get(prefix + "-user").status() == 404 && blankToNull(ref.objectId()) != null
                && blankToNull(ref.userPrincipalName()) != null;
    }

    static Partial partial(String prefix, AccountRef ref, Map<String, GraphResponse> results, GraphCloud cloud) {
        GraphResponse user = results.get(prefix + "-user");
        if (user.status() == 404) {
            DataGap gone = DataGap.of("account", UnknownReason.NOT_FOUND, "the account does not exist");
            return new Partial(ref, Fact.known(Optional.empty()), null, gone, true, notFound(DataArea.SIGN_IN_ACTIVITY),
                    true, notFound(DataArea.METHODS), notFound(DataArea.GROUPS), Set.of(), null);
        }
        Fact<Optional<DirectoryUser>> userFact;
        // after a UPN retry the object id of the ref is the one that was not found
        String userId = prefix.startsWith("b") ? null : blankToNull(ref.objectId());
        DataGap userGap = null;
        if (user.ok()) {
            DirectoryUser read = UserMapper.user(user.body());
            userFact = Fact.known(Optional.of(read));
            userId = read.id() != null ? read.id() : userId;
        } else {
            userGap = GraphErrorClassifier.gap(DataArea.USER, user);
            userFact = Fact.unknown(userGap);
        }
        Set<String> roleGroups = new HashSet<>();
        boolean[] limited = {false};
        Fact<Set<String>> groups = read(DataArea.GROUPS, results.get(prefix + "-groups"), body -> {
            Set<String> ids = new HashSet<>();
            for (JsonNode g : body.path("value")) {
                ids.add(JsonFields.text(g, "id"));
                Boolean assignable = roleAssignable(g);
                if (assignable == null) {
                    limited[0] = true;
                } else if (assignable) {
                    roleGroups.add(JsonFields.text(g, "id"));
                }
            }
            return Set.copyOf(ids);
        });
        GraphResponse activity = results.get(prefix + "-activity");
        Fact<SignInActivity> activityFact = activity != null
                ? read(DataArea.SIGN_IN_ACTIVITY, activity, UserMapper::activity)
                : Fact.unknown(userGap != null
                        ? userGap
                        : DataGap.of(DataArea.SIGN_IN_ACTIVITY.data(), UnknownReason.GRAPH_ERROR, "not read"));
        return new Partial(ref, userFact, userId, userGap, false, activityFact, activity != null,
                cloud.offersAuthenticationMethods()
                        ? read(DataArea.METHODS, results.get(prefix + "-methods"), MethodMapper::methods)
                        : notInCloud(DataArea.METHODS, cloud),
                groups,
                Set.copyOf(roleGroups), limited[0] ? LIMITED_GROUPS : null);
    }

    /**
     * Whether a group is role-assignable: null (unknown) for a limited-information object or when the property is
     * missing; a group read in full with {@code isAssignableToRole: null} was created without it, so it is not.
     */
    static Boolean roleAssignable(JsonNode group) {
        JsonNode name = group.get("displayName");
        JsonNode assignable = group.get("isAssignableToRole");
        if (name == null || name.isNull() || assignable == null) {
            return null;
        }
        return assignable.asBoolean(false);
    }

    /** Data whose API the tenant's cloud does not offer (rules.md "National clouds"). */
    static <T> Fact<T> notInCloud(DataArea area, GraphCloud cloud) {
        return Fact.unknown(DataGap.of(cloud.unavailable(area.data()), UnknownReason.NOT_AVAILABLE_IN_CLOUD,
                "Microsoft Graph does not offer this API in the " + cloud.wireName() + " cloud"));
    }

    static <T> Fact<T> notFound(DataArea area) {
        return Fact.unknown(DataGap.of(area.data(), UnknownReason.NOT_FOUND, "the account does not exist"));
    }

    static <T> Fact<T> read(DataArea area, GraphResponse response, Function<JsonNode, T> mapper) {
        if (response == null) {
            return Fact.unknown(DataGap.of(area.data(), UnknownReason.GRAPH_ERROR, "not read"));
        }
        if (!response.ok()) {
            return Fact.unknown(GraphErrorClassifier.gap(area, response));
        }
        return Fact.known(mapper.apply(response.body()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
