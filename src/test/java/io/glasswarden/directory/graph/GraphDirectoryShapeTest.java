package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.UnknownReason;

class GraphDirectoryShapeTest extends FakeGraphTest {

    @Test
    void missingUserIsKnownAbsentAndEveryOtherAccountFactIsNotFound() {
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+(/.*)?")).atPriority(1)
                .willReturn(TenantFixture.error(404, "Request_ResourceNotFound")));

        AccountFacts account = directory().read(TENANT, ONE, time.instant()).accounts().get(0);

        assertThat(account.user().value()).isEqualTo(Optional.empty());
        assertThat(List.of(account.signInActivity(), account.methods(), account.transitiveGroupIds(),
                account.activeRoleAssignments(), account.activeRoleSchedules(), account.eligibleRoleSchedules()))
                .allSatisfy(f -> assertThat(f.missing().orElseThrow().reason()).isEqualTo(UnknownReason.NOT_FOUND));
    }

    @Test
    void accountWithoutObjectIdIsReadByUpnAndItsIdUsedForRoles() {
        AccountRef byUpn = new AccountRef(null, "bg-01@contoso.onmicrosoft.com");
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/bg-01(%40|@)contoso.onmicrosoft.com")).atPriority(1)
                .withQueryParam("$select", com.github.tomakehurst.wiremock.client.WireMock.notContaining("signIn"))
                .willReturn(TenantFixture.json("{\"id\":\"" + TenantFixture.USER + "\",\"accountEnabled\":false}")));

        AccountFacts account = directory().read(TENANT, List.of(byUpn), time.instant()).accounts().get(0);

        assertThat(account.user().value().orElseThrow().accountEnabled()).isFalse();
        assertThat(account.activeRoleAssignments().value()).hasSize(2);
        assertThat(graph.stepsTo("/users/bg-01%40contoso.onmicrosoft.com")).hasSize(3);
        assertThat(account.signInActivity().isKnown()).isTrue();
    }

    @Test
    void collectionsAreFollowedThroughTheirNextLinks() {
        String groups = "/v1.0/users/" + TenantFixture.USER + "/transitiveMemberOf/microsoft.graph.group";
        graph.server.stubFor(get(urlPathEqualTo(groups)).atPriority(2).willReturn(TenantFixture.json("""
                {"@odata.nextLink":"%s?$select=id,displayName,isAssignableToRole&$count=true&$top=999&$skiptoken=p2",
                 "value":[{"id":"g-1","displayName":"g one","isAssignableToRole":false}]}
                """.formatted(graph.endpoint() + groups.substring(5)))));
        graph.server.stubFor(get(urlPathEqualTo(groups)).atPriority(1)
                .withQueryParam("$skiptoken", equalTo("p2"))
                .willReturn(TenantFixture.json(
                        "{\"value\":[{\"id\":\"g-2\",\"displayName\":\"g two\",\"isAssignableToRole\":false}]}")));
        String ca = "/v1.0/identity/conditionalAccess/policies";
        graph.server.stubFor(get(urlPathEqualTo(ca)).atPriority(2)
                .willReturn(TenantFixture.json(
                        "{\"@odata.nextLink\":\"" + graph.endpoint()
                                + "/identity/conditionalAccess/policies?$skiptoken=c2\","
                                + "\"value\":[" + ConditionalAccessJson.POLICY + "]}")));
        graph.server.stubFor(get(urlPathEqualTo(ca)).atPriority(1)
                .withQueryParam("$skiptoken", equalTo("c2"))
                .willReturn(TenantFixture.json("{\"value\":[" + ConditionalAccessJson.BLOCK + "]}")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.accounts().get(0).transitiveGroupIds().value()).containsExactlyInAnyOrder("g-1", "g-2");
        assertThat(reading.tenant().conditionalAccessPolicies().value()).extracting(p -> p.state())
                .containsExactly("enabled", "enabledForReportingButNotEnforced");
        assertThat(reading.requests()).isEqualTo(4).isEqualTo((int) graph.clientRequests());
        graph.server.verify(getRequestedFor(urlPathEqualTo(ca)).withQueryParam("$skiptoken", equalTo("c2"))
                .withHeader("Authorization", equalTo("Bearer fake-access-token")));
    }

    @Test
    void nextLinkToAnotherHostIsFollowedWithoutOurToken() {
        String ca = "/v1.0/identity/conditionalAccess/policies";
        String otherHost = "http://127.0.0.1:" + graph.server.port() + "/v1.0/identity/conditionalAccess/policies";
        graph.server.stubFor(get(urlPathEqualTo(ca)).atPriority(2)
                .willReturn(TenantFixture.json(
                        "{\"@odata.nextLink\":\"" + otherHost + "?$skiptoken=elsewhere\",\"value\":[]}")));
        graph.server.stubFor(get(urlPathEqualTo(ca)).atPriority(1)
                .withQueryParam("$skiptoken", equalTo("elsewhere"))
                .willReturn(TenantFixture.error(401, "InvalidAuthenticationToken")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        graph.server.verify(1, getRequestedFor(urlPathEqualTo(ca)).withQueryParam("$skiptoken", equalTo("elsewhere"))
                .withHeader("Authorization", absent()));
        graph.server.verify(2, postRequestedFor(urlPathEqualTo("/v1.0/$batch"))
                .withHeader("Authorization", equalTo("Bearer fake-access-token")));
        assertThat(reading.tenant().conditionalAccessPolicies().missing().orElseThrow().reason())
                .isEqualTo(UnknownReason.GRAPH_ERROR);
    }

    @Test
    void fortyAccountsTakeAtMostThirtyRequests() {
        List<AccountRef> accounts = IntStream.range(0, 40)
                .mapToObj(i -> new AccountRef("00000000-0000-4000-8000-%012d".formatted(i), null))
                .toList();

        DirectoryReading reading = directory().read(TENANT, accounts, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(reading.requests()).isLessThanOrEqualTo(30).isEqualTo((int) graph.clientRequests());
        assertThat(reading.requests()).isEqualTo(10);
        assertThat(reading.accounts()).hasSize(40).allSatisfy(a -> {
            assertThat(a.user().isKnown()).isTrue();
            assertThat(a.methods().isKnown()).isTrue();
            assertThat(a.activeRoleAssignments().isKnown()).isTrue();
        });
        assertThat(reading.accounts().get(7).user().value().orElseThrow().id())
                .isEqualTo("00000000-0000-4000-8000-000000000007");
        assertThat(graph.stepsTo("/roleManagement/directory/roleAssignments?")).hasSize(3);
        assertThat(graph.stepsTo("/auditLogs/signIns")).hasSize(3);
        assertThat(reading.tenant().signIns().isKnown()).isTrue();
    }

    @Test
    void globalAdministratorCandidatesAreDirectUserAssignmentsAtTenantScope() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")).atPriority(1)
                .withQueryParam("$expand", equalTo("principal"))
                .willReturn(TenantFixture
                        .json("""
                                {"value":[
                                  {"id":"a1","principalId":"%s","directoryScopeId":"/","roleDefinitionId":"%s",
                                   "principal":{"@odata.type":"#microsoft.graph.user","id":"%s"}},
                                  {"id":"a2","principalId":"%s","directoryScopeId":"/","roleDefinitionId":"%s",
                                   "principal":{"@odata.type":"#microsoft.graph.group","id":"%s"}},
                                  {"id":"a3","principalId":"abcd0000-0000-4000-8000-000000000000",
                                   "directoryScopeId":"/administrativeUnits/au1","roleDefinitionId":"%s",
                                   "principal":{"@odata.type":"#microsoft.graph.user","id":"abcd0000-0000-4000-8000-000000000000"}}
                                ]}
                                """
                                .formatted(TenantFixture.USER, TenantFixture.GA, TenantFixture.USER,
                                        TenantFixture.ROLE_GROUP,
                                        TenantFixture.GA, TenantFixture.ROLE_GROUP, TenantFixture.GA))));

        var result = directory().readGlobalAdministrators(TENANT);

        List<CandidateUser> candidates = result.fact().value();
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.user().id()).isEqualTo(TenantFixture.USER);
            assertThat(c.facts().activeRoleSchedules().value()).hasSize(1);
        });
        assertThat(result.requests()).isEqualTo(3);
        assertThat(graph.stepsTo("/auditLogs/signIns")).isEmpty();
        assertThat(graph.stepsTo("/identity/conditionalAccess")).isEmpty(); // spare the 1 request/s CA quota
    }

    @Test
    void unreadableAssignmentsMakeTheCandidatesUnknown() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));

        var result = directory().readGlobalAdministrators(TENANT);

        assertThat(result.fact().missing().orElseThrow().permission()).isEqualTo("RoleManagement.Read.Directory");
        assertThat(result.requests()).isEqualTo(1);
    }

    @Test
    void refusedMultiIdFiltersAreReadAgainOneIdPerStep() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")).atPriority(1)
                .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.containing(" in "))
                .willReturn(TenantFixture.error(400, "Request_UnsupportedQuery")));
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/auditLogs/signIns")).atPriority(1)
                .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.containing(" or "))
                .willReturn(TenantFixture.error(400, "BadRequest", "Invalid filter clause")));
        List<AccountRef> two = List.of(ONE.get(0), new AccountRef("00000000-0000-4000-8000-000000000002", null));

        DirectoryReading reading = directory().read(TENANT, two, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(reading.accounts().get(0).activeRoleAssignments().value()).hasSize(2);
        assertThat(reading.tenant().signIns().value()).extracting(s -> s.id()).containsExactly("s1", "s2");
        // user, its role group, the second user: one eq step each
        assertThat(graph.stepsTo("/roleManagement/directory/roleAssignments?")).hasSize(4);
        assertThat(graph.stepsTo("/auditLogs/signIns")).hasSize(3);
        assertThat(reading.requests()).isEqualTo(3);
    }

    @Test
    void signInPagesAreFollowedAndReturnedOldestFirst() {
        String signIns = "/v1.0/auditLogs/signIns";
        graph.server.stubFor(get(urlPathEqualTo(signIns)).atPriority(2).willReturn(TenantFixture.json("""
                {"@odata.nextLink":"%s/auditLogs/signIns?$skiptoken=older",
                 "value":[{"id":"new","createdDateTime":"2026-01-12T08:00:00Z","userId":"%s","status":{"errorCode":0}}]}
                """.formatted(graph.endpoint(), TenantFixture.USER))));
        graph.server.stubFor(get(urlPathEqualTo(signIns)).atPriority(1)
                .withQueryParam("$skiptoken", equalTo("older"))
                .willReturn(TenantFixture
                        .json("""
                                {"value":[{"id":"old","createdDateTime":"2026-01-02T08:00:00Z","userId":"%s",
                                  "status":{"errorCode":53003,"failureReason":"Blocked by Conditional Access"}},
                                 {"id":"too-old","createdDateTime":"2025-12-30T08:00:00Z","userId":"%s","status":{"errorCode":0}}]}
                                """
                                .formatted(TenantFixture.USER, TenantFixture.USER))));

        var result = directory().readSignIns(TENANT, List.of(TenantFixture.USER),
                Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(result.fact().value()).extracting(s -> s.id()).containsExactly("old", "new");
        assertThat(result.fact().value().get(0).succeeded()).isFalse();
        assertThat(result.requests()).isEqualTo(2);
    }

    @Test
    void unknownObjectIdIsLookedUpAgainByUpn() {
        String stale = "deadbeef-0000-4000-8000-000000000000";
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/" + stale + "(/.*)?")).atPriority(1)
                .willReturn(TenantFixture.error(404, "Request_ResourceNotFound")));
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/bg-02(%40|@)contoso.onmicrosoft.com")).atPriority(1)
                .withQueryParam("$select", com.github.tomakehurst.wiremock.client.WireMock.notContaining("signIn"))
                .willReturn(TenantFixture.json("{\"id\":\"" + TenantFixture.USER + "\",\"accountEnabled\":true}")));

        DirectoryReading reading = directory().read(TENANT,
                List.of(new AccountRef(stale, "bg-02@contoso.onmicrosoft.com")), time.instant());

        AccountFacts account = reading.accounts().get(0);
        assertThat(account.user().value().orElseThrow().id()).isEqualTo(TenantFixture.USER);
        assertThat(account.methods().value()).isNotEmpty();
        assertThat(account.activeRoleAssignments().value()).extracting(a -> a.principalId())
                .containsOnly(TenantFixture.USER, TenantFixture.ROLE_GROUP);
        assertThat(reading.requests()).isEqualTo(3);
    }
}
