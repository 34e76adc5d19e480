package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.TenantFacts;

class GraphDirectoryReadTest extends FakeGraphTest {

    @Test
    void readsEveryFactOfAHealthyTenant() {
        DirectoryReading reading = directory().read(TENANT, ONE, Instant.parse("2026-01-01T00:00:00Z"));

        AccountFacts account = reading.accounts().get(0);
        var user = account.user().value().orElseThrow();
        assertThat(user.id()).isEqualTo(TenantFixture.USER);
        assertThat(user.accountEnabled()).isTrue();
        assertThat(user.onPremisesSyncEnabled()).isNull();
        assertThat(user.userType()).isEqualTo("Member");
        assertThat(user.certificateUserIds()).containsExactly("X509:<PN>bg-01@contoso.onmicrosoft.com");
        assertThat(account.signInActivity().value().lastSuccessfulSignIn())
                .isEqualTo(Instant.parse("2025-05-02T08:05:40.1234567Z"));
        assertThat(account.methods().value()).extracting(AuthenticationMethod::kind)
                .containsExactly(
                        MethodKind.PASSWORD, MethodKind.FIDO2, MethodKind.TEMPORARY_ACCESS_PASS, MethodKind.PHONE);
        AuthenticationMethod key = account.methods().value().get(1);
        assertThat(key.aaGuid()).isEqualTo("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(key.attestationLevel()).isEqualTo("attested");
        assertThat(key.passkeyType()).isEqualTo("deviceBound");
        assertThat(account.methods().value().get(2).usable()).isTrue();
        assertThat(account.methods().value().get(3).displayName()).isEqualTo("mobile");
        assertThat(account.transitiveGroupIds().value())
                .containsExactlyInAnyOrder(TenantFixture.ROLE_GROUP, TenantFixture.PLAIN_GROUP);
        assertThat(account.activeRoleAssignments().value()).extracting(RoleAssignment::roleTemplateId,
                RoleAssignment::viaGroup)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TenantFixture.GA, false),
                        org.assertj.core.groups.Tuple.tuple(TenantFixture.PRA, true));
        assertThat(account.activeRoleSchedules().value()).singleElement()
                .satisfies(s -> assertThat(s.endDateTime()).isNull())
                .satisfies(s -> assertThat(s.assignmentType()).isEqualTo("Assigned"));
        assertThat(account.eligibleRoleSchedules().value()).isEmpty();

        TenantFacts tenant = reading.tenant();
        assertThat(tenant.fido2Policy().value().state()).isEqualTo("enabled");
        assertThat(tenant.fido2Policy().value().keyRestrictions().aaGuids())
                .containsExactly("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(tenant.fido2Policy().value().passkeyProfiles().get(0).passkeyTypes())
                .containsExactly("deviceBound", "synced");
        assertThat(tenant.x509Policy().value().bindings()).hasSize(2);
        assertThat(tenant.x509Policy().value().rules().get(0).mode()).isEqualTo("x509CertificateMultiFactor");
        assertThat(tenant.x509Policy().value().excludeTargets().get(0).id()).isEqualTo(TenantFixture.PLAIN_GROUP);
        assertThat(tenant.conditionalAccessPolicies().value()).hasSize(2);
        var ca = tenant.conditionalAccessPolicies().value().get(0);
        assertThat(ca.excludeGroups()).containsExactly(TenantFixture.ROLE_GROUP);
        assertThat(ca.includeRoles()).containsExactly(TenantFixture.GA);
        assertThat(ca.grant().authenticationStrengthId()).isEqualTo("00000000-0000-0000-0000-000000000004");
        assertThat(tenant.conditionalAccessPolicies().value().get(1).grant().builtInControls())
                .containsExactly("block");
        assertThat(tenant.authenticationStrengths().value().get(1).fido2AllowedAaguids())
                .containsExactly("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(tenant.securityDefaultsEnabled().value()).isFalse();
        assertThat(tenant.trustedCertificateAuthorities().value()).singleElement()
                .satisfies(c -> assertThat(c.rootAuthority()).isTrue());
        assertThat(tenant.signIns().value()).extracting(s -> s.id()).containsExactly("s1", "s2");
        assertThat(tenant.signIns().value().get(0).succeeded()).isTrue();

        assertThat(reading.requests()).isEqualTo(2).isEqualTo((int) graph.clientRequests());
    }
}
