package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.UnknownReason;

/**
 * How the adapter reads real tenants whose answers differ from the documented happy path (rules.md "Real-tenant
 * behaviours"; docs/graph-adapter.md lists the source of each behaviour the fake reproduces here).
 */
class GraphRealTenantTest extends FakeGraphTest {

    /**
     * Without GroupMember.Read.All Graph answers 200 with "limited information": only {@code @odata.type} and
     * {@code id}, other properties absent or null (learn.microsoft.com/graph/permissions-overview, "Limited
     * information returned for inaccessible member objects").
     */
    static final String LIMITED_GROUPS = """
            {"@odata.count":2,"value":[
              {"@odata.type":"#microsoft.graph.group","id":"%s"},
              {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":null,"isAssignableToRole":null}]}
            """.formatted(TenantFixture.ROLE_GROUP, TenantFixture.PLAIN_GROUP);

    @Test
    void groupsWithLimitedInformationLeaveRolesThroughGroupsUnknownNotAbsent() {
        graph.server.stubFor(get(urlPathMatching(TenantFixture.GROUPS)).atPriority(1)
                .willReturn(TenantFixture.json(LIMITED_GROUPS)));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        AccountFacts account = reading.accounts().get(0);
        assertThat(account.transitiveGroupIds().value())
                .containsExactlyInAnyOrder(TenantFixture.ROLE_GROUP, TenantFixture.PLAIN_GROUP);
        assertThat(account.groupRolesUnread()).hasValueSatisfying(gap -> {
            assertThat(gap.permission()).isEqualTo("GroupMember.Read.All");
            assertThat(gap.reason().wireValue()).isEqualTo("permission-denied");
        });
        // the direct Global Administrator assignment is read; the group's Privileged Role Administrator is not known
        assertThat(account.activeRoleAssignments().value()).extracting(RoleAssignment::principalId)
                .containsExactly(TenantFixture.USER);
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }

    @Test
    void pimWithoutP2IsALicenceGapReadOnceNotAFilterRefusalReadPerPrincipal() {
        graph.server.stubFor(get(urlPathMatching("/v1.0/roleManagement/directory/role(Assignment|Eligibility)"
                + "ScheduleInstances")).atPriority(1).willReturn(TenantFixture.pimWithoutP2()));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        AccountFacts account = reading.accounts().get(0);
        assertThat(List.of(account.activeRoleSchedules(), account.eligibleRoleSchedules())).allSatisfy(f -> {
            assertThat(f.missing().orElseThrow().reason()).isEqualTo(UnknownReason.LICENSE_REQUIRED);
            assertThat(f.missing().orElseThrow().licence()).isEqualTo("Microsoft Entra ID P2");
        });
        assertThat(account.activeRoleAssignments().value()).hasSize(2);
        assertThat(graph.stepsTo("principalId%20eq")).isEmpty();
        assertThat(graph.stepsTo("ScheduleInstances")).hasSize(2);
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }

    @Test
    void anAccountKnownOnlyByUpnGetsItsSignInActivityByObjectIdWithoutExtraRequests() {
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/bg-01(%40|@)contoso.onmicrosoft.com")).atPriority(1)
                .withQueryParam("$select", notContaining("signInActivity"))
                .willReturn(TenantFixture.json("{\"id\":\"" + TenantFixture.USER + "\",\"accountEnabled\":true,"
                        + "\"userPrincipalName\":\"bg-01@contoso.onmicrosoft.com\"}")));

        DirectoryReading reading = directory().read(TENANT,
                List.of(new AccountRef(null, "bg-01@contoso.onmicrosoft.com")), time.instant());

        assertThat(reading.accounts().get(0).signInActivity().value().lastSuccessfulSignIn())
                .isEqualTo(Instant.parse("2025-05-02T08:05:40.1234567Z"));
        assertThat(graph.stepsTo("signInActivity")).singleElement()
                .satisfies(step -> assertThat(step.url()).startsWith("/users/" + TenantFixture.USER + "?"));
        // the same two batches an account inventoried by object id needs
        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }

    @Test
    void theSignInLookBackSentToGraphIsClampedToTheLogRetention() {
        Instant ninetyDaysAgo = time.instant().minus(Duration.ofDays(90));

        DirectoryReading reading = directory().read(TENANT, ONE, ninetyDaysAgo);

        Instant effective = time.instant().minus(Duration.ofDays(30)).plus(Duration.ofHours(1));
        assertThat(reading.tenant().signInsSince()).isEqualTo(effective);
        assertThat(graph.stepsTo("/auditLogs/signIns")).singleElement()
                .satisfies(step -> assertThat(java.net.URLDecoder.decode(step.url(),
                        java.nio.charset.StandardCharsets.UTF_8))
                        .contains("createdDateTime ge " + effective.truncatedTo(ChronoUnit.SECONDS)));
        var drillCheck = directory().readSignIns(TENANT, List.of(TenantFixture.USER), ninetyDaysAgo);
        assertThat(drillCheck.fact().isKnown()).isTrue();
        assertThat(graph.stepsTo("/auditLogs/signIns")).allSatisfy(step -> assertThat(step.url())
                .doesNotContain(ninetyDaysAgo.truncatedTo(ChronoUnit.SECONDS).toString().substring(0, 10)));
    }

    /** A pass created with a future start (temporaryAccessPassAuthenticationMethod, methodUsabilityReason). */
    static final String PENDING_TAP = """
            {"value":[{"@odata.type":"#microsoft.graph.temporaryAccessPassAuthenticationMethod","id":"tap-later",
              "createdDateTime":"2026-11-30T09:00:00Z","startDateTime":"2099-01-01T08:00:00Z","lifetimeInMinutes":60,
              "isUsableOnce":true,"isUsable":false,"methodUsabilityReason":"NotYetValid","temporaryAccessPass":null}]}
            """;

    /**
     * FIDO2 methods as older v1.0 responses list them, without {@code passkeyType} (graph-reference §2.2: the property
     * is new in v1.0): a YubiKey 5 Series (hardware key model of the AAGUID catalogue), a Google Password Manager
     * passkey (synced-passkey provider of the community list) and a Chrome on Mac passkey (in neither list).
     */
    static final String KEYS_WITHOUT_PASSKEY_TYPE = """
            {"value":[
              {"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"key-hw","displayName":"BG-01 YubiKey",
               "createdDateTime":"2024-02-10T06:44:09Z","aaGuid":"CB69481E-8FF7-4039-93EC-0A2729A154A8",
               "model":"YubiKey 5 Series","attestationCertificates":["dbe7"],"attestationLevel":"attested"},
              {"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"key-gpm","displayName":"Pixel passkey",
               "createdDateTime":"2025-06-01T10:00:00Z","aaGuid":"ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",
               "model":null,"attestationCertificates":[],"attestationLevel":"notAttested"},
              {"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"key-mac","displayName":"Mac passkey",
               "createdDateTime":"2025-06-02T10:00:00Z","aaGuid":"adce0002-35bc-c60a-648b-0b25f1f05503",
               "model":null,"attestationCertificates":[],"attestationLevel":"notAttested"}]}
            """;

    @Test
    void fido2MethodsWithoutPasskeyTypeKeepItAbsent() {
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")).atPriority(1)
                .willReturn(TenantFixture.json(KEYS_WITHOUT_PASSKEY_TYPE)));

        var keys = directory().read(TENANT, ONE, time.instant()).accounts().get(0).methods().value();

        assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k.passkeyType()).isNull());
        assertThat(keys.get(1).aaGuid()).isEqualTo("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    }

    @Test
    void aPendingTemporaryAccessPassKeepsItsReasonAndStart() {
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")).atPriority(1)
                .willReturn(TenantFixture.json(PENDING_TAP)));

        var tap = directory().read(TENANT, ONE, time.instant()).accounts().get(0).methods().value().get(0);

        assertThat(tap.usable()).isFalse();
        assertThat(tap.usabilityReason()).isEqualTo("NotYetValid");
        assertThat(tap.startDateTime()).isEqualTo(Instant.parse("2099-01-01T08:00:00Z"));
    }

    @Test
    void inTheChinaCloudAuthenticationMethodsAreNotAvailableAndNotAskedFor() {
        DirectoryReading reading = directory().read(new DirectoryTenant(TenantFixture.TENANT, "china"), ONE,
                time.instant());

        AccountFacts account = reading.accounts().get(0);
        assertThat(List.of(account.methods().missing(), reading.tenant().fido2Policy().missing(),
                reading.tenant().x509Policy().missing())).allSatisfy(gap -> {
                    assertThat(gap.orElseThrow().reason()).isEqualTo(UnknownReason.NOT_AVAILABLE_IN_CLOUD);
                    assertThat(gap.orElseThrow().data()).contains("china cloud");
                });
        assertThat(account.user().isKnown()).isTrue();
        assertThat(graph.stepsTo("/authentication/methods")).isEmpty();
        assertThat(graph.stepsTo("/authenticationMethodsPolicy")).isEmpty();
        assertThat(reading.requests()).isEqualTo(2);
    }

    @Test
    void groupsOfAFullReadSayWhichAreRoleAssignable() {
        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        AccountFacts account = reading.accounts().get(0);
        assertThat(account.groupRolesUnread()).isEmpty();
        assertThat(account.activeRoleAssignments().value()).extracting(RoleAssignment::principalId)
                .containsExactlyInAnyOrder(TenantFixture.USER, TenantFixture.ROLE_GROUP);
    }

    @Test
    void theGroupCastIsSentAsAnAdvancedQuery() {
        directory().read(TENANT, ONE, time.instant());

        assertThat(graph.stepsTo("/transitiveMemberOf/microsoft.graph.group")).singleElement().satisfies(step -> {
            assertThat(step.url()).contains("$count=true");
            assertThat(step.headers()).containsEntry("ConsistencyLevel", "eventual");
        });
    }
}
