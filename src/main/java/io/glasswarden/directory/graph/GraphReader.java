package io.glasswarden.directory.graph;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.TenantFacts;
import io.quarkus.logging.Log;

/**
 * Plans and runs the reads of one operation in two rounds of batches: (1) four steps per account plus the tenant-wide
 * policy steps; (2) role reads filtered by the principals found in round 1, sign-ins of the account ids and the
 * certificate authorities of each PKI found. For 40 accounts in a tenant without PKIs: 166 steps in 9 batches, then 12
 * steps in 1 batch.
 */
final class GraphReader {

    private final GraphClients clients;
    private final BatchExecutor batches;
    private final Clock clock;

    GraphReader(GraphClients clients, BatchExecutor batches, Clock clock) {
        this.clients = clients;
        this.batches = batches;
        this.clock = clock;
    }

    DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant requestedSince) {
        // a start date before the logs' retention is refused by Graph: ask only for what the logs still hold
        Instant signInsSince = SignIn.clampToRetention(requestedSince, clock.instant());
        GraphClients.TenantClient client = open(tenant);
        AtomicInteger counter = new AtomicInteger();
        Read read = readAccounts(client, GraphCloud.of(tenant.cloud()), accounts, true, signInsSince, counter);
        TenantReads.Policies p = read.policies();
        TenantFacts facts = new TenantFacts(p.fido2(), p.x509(), p.trust(), p.conditionalAccess(), p.strengths(),
                p.securityDefaults(), read.signIns(), signInsSince);
        return new DirectoryReading(facts, read.accounts(), counter.get());
    }

    DirectoryResult<List<CandidateUser>> readGlobalAdministrators(DirectoryTenant tenant) {
        GraphClients.TenantClient client = open(tenant);
        AtomicInteger counter = new AtomicInteger();
        String url = "/roleManagement/directory/roleAssignments?"
                + GraphPaths.filter("roleDefinitionId eq " + GraphPaths.literal(RoleAssignment.GLOBAL_ADMINISTRATOR))
                + "&$expand=principal";
        Map<String, GraphResponse> results = batches.execute(client, List.of(GraphStep.of("g-assignments", url)),
                counter);
        Fact<List<String>> userIds = AccountReads.read(DataArea.GLOBAL_ADMINISTRATORS, results.get("g-assignments"),
                GraphReader::directUsersAtRoot);
        if (!userIds.isKnown()) {
            return new DirectoryResult<>(Fact.unknown(userIds.missing().orElseThrow()), counter.get());
        }
        List<AccountRef> refs = userIds.value().stream().map(id -> new AccountRef(id, null)).toList();
        Read read = readAccounts(client, GraphCloud.of(tenant.cloud()), refs, false, null, counter);
        List<CandidateUser> candidates = new ArrayList<>();
        for (AccountFacts facts : read.accounts()) {
            if (facts.user().isKnown()) {
                // a user deleted since the assignment read is no candidate
                facts.user().value().ifPresent(u -> candidates.add(new CandidateUser(u, facts)));
            } else {
                // unreadable: still a candidate, known by id only; its facts say what is missing
                DirectoryUser idOnly = new DirectoryUser(facts.ref().objectId(), null, null, null, null, null, null,
                        List.of());
                candidates.add(new CandidateUser(idOnly, facts));
            }
        }
        return new DirectoryResult<>(Fact.known(List.copyOf(candidates)), counter.get());
    }

    DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds,
            Instant requestedSince) {
        Instant since = SignIn.clampToRetention(requestedSince, clock.instant());
        GraphClients.TenantClient client = open(tenant);
        AtomicInteger counter = new AtomicInteger();
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        Map<String, GraphResponse> results = new HashMap<>(
                batches.execute(client, SignInReads.steps(ids, since, false), counter));
        boolean singly = SignInReads.filterRejected(results);
        if (singly) {
            results.putAll(batches.execute(client, SignInReads.steps(ids, since, true), counter));
        }
        return new DirectoryResult<>(SignInReads.collect(ids, since, results, singly), counter.get());
    }

    /** Account facts, and (when read tenant-wide) the tenant's policies and the accounts' sign-ins. */
    private record Read(List<AccountFacts> accounts, TenantReads.Policies policies, Fact<List<SignIn>> signIns) {
    }

    private Read readAccounts(GraphClients.TenantClient client, GraphCloud cloud, List<AccountRef> accounts,
            boolean tenantWide, Instant since, AtomicInteger counter) {
        List<GraphStep> first = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            first.addAll(AccountReads.steps("a" + i, accounts.get(i), cloud));
        }
        if (tenantWide) {
            first.addAll(TenantReads.steps(client.tenantId(), cloud));
        }
        Map<String, GraphResponse> round1 = new HashMap<>(batches.execute(client, first, counter));
        List<String> prefixes = new ArrayList<>();
        List<GraphStep> byUpn = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountRef ref = accounts.get(i);
            boolean retry = AccountReads.retryByUpn("a" + i, ref, round1);
            prefixes.add(retry ? "b" + i : "a" + i);
            if (retry) {
                byUpn.addAll(AccountReads.steps("b" + i, new AccountRef(null, ref.userPrincipalName()), cloud));
            }
        }
        round1.putAll(batches.execute(client, byUpn, counter));
        List<AccountReads.Partial> partials = new ArrayList<>();
        Set<String> principals = new LinkedHashSet<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountReads.Partial partial = AccountReads.partial(prefixes.get(i), accounts.get(i), round1, cloud);
            partials.add(partial);
            if (partial.userId() != null && !partial.notFound()) {
                principals.add(partial.userId());
                userIds.add(partial.userId());
                principals.addAll(partial.roleAssignableGroups());
            }
        }
        List<GraphStep> second = new ArrayList<>(RoleReads.steps(principals, false));
        for (int i = 0; i < partials.size(); i++) {
            AccountReads.lateActivityStep(i, partials.get(i)).ifPresent(second::add);
        }
        if (tenantWide) {
            second.addAll(SignInReads.steps(userIds, since, false));
            second.addAll(TenantReads.secondRoundSteps(round1));
        }
        Map<String, GraphResponse> round2 = new HashMap<>(batches.execute(client, second, counter));
        boolean rolesSingly = RoleReads.filterRejected(round2);
        boolean signInsSingly = tenantWide && SignInReads.filterRejected(round2);
        if (rolesSingly || signInsSingly) {
            // Graph documents these filters but refused one: read again, one id per step
            Log.infof("Graph refused a multi-id filter in tenant %s (roles: %s, sign-ins: %s): reading per id",
                    client.tenantId(), rolesSingly, signInsSingly);
            List<GraphStep> again = new ArrayList<>(rolesSingly ? RoleReads.steps(principals, true) : List.of());
            again.addAll(signInsSingly ? SignInReads.steps(userIds, since, true) : List.of());
            round2.putAll(batches.execute(client, again, counter));
        }
        RoleReads.RoleData roles = RoleReads.collect(principals, round2, rolesSingly);
        for (int i = 0; i < partials.size(); i++) {
            partials.set(i, AccountReads.withLateActivity(i, partials.get(i), round2));
        }
        List<AccountFacts> facts = partials.stream()
                .map(p -> new AccountFacts(p.ref(), p.user(), p.activity(),
                        p.methods(), p.groups(), RoleReads.assignments(roles.assignments(), p),
                        RoleReads.schedules(DataArea.ACTIVE_ROLE_SCHEDULES, roles.active(), p),
                        RoleReads.schedules(DataArea.ELIGIBLE_ROLE_SCHEDULES, roles.eligible(), p),
                        p.groupRolesGap()))
                .toList();
        Fact<List<SignIn>> signIns = tenantWide
                ? SignInReads.collect(userIds, since, round2, signInsSingly)
                : Fact.known(List.of());
        return new Read(facts, tenantWide ? TenantReads.policies(round1, round2, cloud) : null, signIns);
    }

    private static List<String> directUsersAtRoot(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode a : body.path("value")) {
            String type = JsonFields.text(a.path("principal"), "@odata.type");
            if ("/".equals(JsonFields.text(a, "directoryScopeId")) && "#microsoft.graph.user".equals(type)) {
                ids.add(JsonFields.text(a, "principalId"));
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** The tenant's client, after making sure a token can be had at all (else nothing can be read). */
    private GraphClients.TenantClient open(DirectoryTenant tenant) {
        GraphClients.TenantClient client = clients.forTenant(tenant);
        clients.token(client);
        return client;
    }
}
