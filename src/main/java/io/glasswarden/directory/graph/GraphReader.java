package io.glasswarden.directory.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.TenantFacts;

/**
 * Plans and runs the reads of one operation in two rounds of batches: (1) four steps per account plus the tenant-wide
 * policy steps; (2) role reads filtered by the principals found in round 1, and sign-ins of the account ids. For 40
 * accounts: 165 steps in 9 batches, then 12 steps in 1 batch.
 */
final class GraphReader {

    private final GraphClients clients;
    private final BatchExecutor batches;

    GraphReader(GraphClients clients, BatchExecutor batches) {
        this.clients = clients;
        this.batches = batches;
    }

    DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant signInsSince) {
        GraphClients.TenantClient client = open(tenant);
        AtomicInteger counter = new AtomicInteger();
        Read read = readAccounts(client, accounts, true, signInsSince, counter);
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
        Read read = readAccounts(client, refs, false, null, counter);
        List<CandidateUser> candidates = new ArrayList<>();
        for (AccountFacts facts : read.accounts()) {
            // a user deleted or unreadable since the assignment read cannot be judged: it is left out only if gone
            facts.user().asOptional().flatMap(u -> u).ifPresent(u -> candidates.add(new CandidateUser(u, facts)));
        }
        return new DirectoryResult<>(Fact.known(List.copyOf(candidates)), counter.get());
    }

    DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds, Instant since) {
        GraphClients.TenantClient client = open(tenant);
        AtomicInteger counter = new AtomicInteger();
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        Map<String, GraphResponse> results = batches.execute(client, SignInReads.steps(ids, since), counter);
        return new DirectoryResult<>(SignInReads.collect(ids, since, results), counter.get());
    }

    private record Read(List<AccountFacts> accounts, TenantReads.Policies policies, Fact<List<SignIn>> signIns) {
    }

    private Read readAccounts(GraphClients.TenantClient client, List<AccountRef> accounts, boolean withSignIns,
            Instant since, AtomicInteger counter) {
        List<GraphStep> first = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            first.addAll(AccountReads.steps(i, accounts.get(i)));
        }
        first.addAll(TenantReads.steps(client.tenantId()));
        Map<String, GraphResponse> round1 = batches.execute(client, first, counter);
        List<AccountReads.Partial> partials = new ArrayList<>();
        Set<String> principals = new LinkedHashSet<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountReads.Partial partial = AccountReads.partial(i, accounts.get(i), round1);
            partials.add(partial);
            if (partial.userId() != null && !partial.notFound()) {
                principals.add(partial.userId());
                userIds.add(partial.userId());
                principals.addAll(partial.roleAssignableGroups());
            }
        }
        List<GraphStep> second = new ArrayList<>(RoleReads.steps(principals));
        if (withSignIns) {
            second.addAll(SignInReads.steps(userIds, since));
        }
        Map<String, GraphResponse> round2 = second.isEmpty() ? Map.of() : batches.execute(client, second, counter);
        RoleReads.RoleData roles = RoleReads.collect(principals, round2);
        List<AccountFacts> facts = partials.stream()
                .map(p -> new AccountFacts(p.ref(), p.user(), p.activity(),
                        p.methods(), p.groups(), RoleReads.assignments(roles.assignments(), p),
                        RoleReads.schedules(roles.active(), p), RoleReads.schedules(roles.eligible(), p)))
                .toList();
        Fact<List<SignIn>> signIns = withSignIns ? SignInReads.collect(userIds, since, round2) : Fact.known(List.of());
        return new Read(facts, TenantReads.policies(round1), signIns);
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
