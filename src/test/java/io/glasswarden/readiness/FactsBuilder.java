package io.glasswarden.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.KeyRestrictions;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.directory.PolicyTarget;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.SignInActivity;
import io.glasswarden.directory.TenantFacts;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.directory.X509Policy;
import io.glasswarden.readiness.InventoryFacts.Attestation;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.InventoryFacts.Custodian;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.tenants.TenantSettings;

/**
 * Test data for readiness rules: starts from a READY emergency account (two attested YubiKeys, permanent Global
 * Administrator, no Conditional Access policy, a verified drill, custody attested, two custodians) and lets a test
 * change only what it is about.
 */
public final class FactsBuilder {
    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    public static final String USER_ID = "4a1b2c3d-1111-4aaa-9bbb-0123456789ab";
    public static final String UPN = "bg-01@contoso.onmicrosoft.com";
    public static final String YUBIKEY_5 = "cb69481e-8ff7-4039-93ec-0a2729a154a8";
    public static final String YUBIKEY_5_NFC = "2fc0579f-8113-47ea-b116-bb5a8db9202a";
    public static final String AUTHENTICATOR_ANDROID = "de1e552d-db1d-4423-a619-566b625cdc84";
    public static final String AUTHENTICATOR_IOS = "90a3ccdf-635c-4729-a248-9b709135078f";
    /** 1Password, a synced-passkey provider (aaguids/synced-passkey-providers.csv). */
    public static final String ONE_PASSWORD = "bada5566-a7aa-401f-bd96-45619a55120d";
    /** Windows Hello: in the community list, but neither a hardware key model nor a synced provider. */
    public static final String WINDOWS_HELLO_AAGUID = "08987058-cadc-4b81-b6e1-30de50dcbe96";
    public static final String PHISHING_RESISTANT = "00000000-0000-0000-0000-000000000004";
    public static final String GLOBAL_ADMIN = RoleAssignment.GLOBAL_ADMINISTRATOR;
    public static final DataGap NO_PERMISSION = DataGap.permission("sign-in logs", "AuditLog.Read.All");
    public static final DataGap NO_LICENCE = DataGap.licence("sign-in activity", "Microsoft Entra ID P1");
    public static final DataGap LIMITED_GROUPS = new DataGap("roles held through groups",
            UnknownReason.PERMISSION_DENIED, "GroupMember.Read.All", null, "groups with limited information");
    public static final DataGap THROTTLED = DataGap.of("the directory", UnknownReason.THROTTLED, "429 from Graph");
    static final AaguidCatalogue CATALOGUE = AaguidCatalogue.bundled();

    private Fact<Optional<DirectoryUser>> user;
    private DataGap groupRolesGap;
    private DirectoryUser directoryUser = new DirectoryUser(USER_ID, UPN, "Emergency access 01", true, null, "Member",
            NOW.minus(days(400)), List.of());
    private Fact<SignInActivity> signInActivity = Fact.known(new SignInActivity(NOW.minus(days(10)),
            NOW.minus(days(10)), null));
    private Fact<List<AuthenticationMethod>> methods = Fact.known(List.of(
            AuthenticationMethod.other("pw", MethodKind.PASSWORD, null, NOW.minus(days(400))),
            key("key-a", YUBIKEY_5), key("key-b", YUBIKEY_5_NFC)));
    private Fact<Set<String>> groups = Fact.known(Set.of());
    private Fact<List<RoleAssignment>> roles = Fact.known(List.of(directGlobalAdmin()));
    private Fact<List<RoleSchedule>> activeSchedules = Fact.known(List.of(globalAdminSchedule("Direct", null)));
    private Fact<List<RoleSchedule>> eligibleSchedules = Fact.known(List.of());
    private Fact<Fido2Policy> fido2 = Fact.known(fido2Policy(List.of(allUsers()), List.of(), null));
    private Fact<X509Policy> x509 = Fact.known(new X509Policy("disabled", List.of(allUsers()), List.of(), List.of(),
            "x509CertificateSingleFactor", List.of()));
    private Fact<List<TrustedCertificateAuthority>> authorities = Fact.known(List.of());
    private Fact<List<ConditionalAccessPolicy>> policies = Fact.known(List.of());
    private Fact<List<AuthenticationStrength>> strengths = Fact.known(List.of(phishingResistantStrength(List.of())));
    private Fact<Boolean> securityDefaults = Fact.known(false);
    private Fact<List<SignIn>> signIns = Fact.known(List.of());
    private Instant signInsSince = NOW.minus(days(30));
    private TenantSettings settings = TenantSettings.defaults();
    private boolean expectsCertificateAuth;
    private List<Custodian> custodians = List.of(new Custodian("Ada Admin", "ada@contoso.com"),
            new Custodian("Bob Admin", "bob@contoso.com"));
    private List<Drill> drills = List.of(drill("d-1", NOW.minus(days(10)), DrillVerification.VERIFIED));
    private List<Attestation> attestations = List.of(new Attestation(AttestationKind.CUSTODY, NOW.minus(days(10))));
    private Set<String> acknowledgedSignIns = Set.of();
    private Set<String> acknowledgedMethods = Set.of();
    private Set<String> previousMethodIds;
    private List<InventoryFacts.Review> reviews = List.of();

    public static FactsBuilder ready() {
        return new FactsBuilder();
    }

    public AccountContext context() {
        Fact<Optional<DirectoryUser>> userFact = user != null ? user : Fact.known(Optional.of(directoryUser));
        AccountFacts account = new AccountFacts(new AccountRef(USER_ID, UPN), userFact, signInActivity, methods,
                groups, roles, activeSchedules, eligibleSchedules, groupRolesGap);
        TenantFacts tenant = new TenantFacts(fido2, x509, authorities, policies, strengths, securityDefaults,
                signIns, signInsSince);
        InventoryFacts inventory = new InventoryFacts(expectsCertificateAuth, custodians, drills, attestations,
                acknowledgedSignIns, acknowledgedMethods, previousMethodIds, reviews);
        return new AccountContext(account, tenant, settings, inventory, CATALOGUE, NOW);
    }

    public Finding evaluate(AccountRule rule) {
        return rule.evaluate(context());
    }

    public AccountReadiness readiness() {
        return new AccountReadinessEvaluator().evaluate(context());
    }

    /** A tenant context with this builder's tenant facts and settings and the given account readinesses. */
    public TenantContext tenant(AccountReadiness... accounts) {
        AccountContext context = context();
        return new TenantContext(context.tenant(), settings, List.of(accounts), NOW);
    }

    // --- user

    public FactsBuilder userNotFound() {
        user = Fact.known(Optional.empty());
        return this;
    }

    public FactsBuilder userUnreadable(DataGap gap) {
        user = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder user(String upn, Boolean enabled, Boolean synced, String userType, List<String> certIds) {
        directoryUser = new DirectoryUser(USER_ID, upn, "Emergency access 01", enabled, synced, userType,
                directoryUser.createdDateTime(), certIds);
        return this;
    }

    public FactsBuilder accountEnabled(Boolean enabled) {
        return user(directoryUser.userPrincipalName(), enabled, directoryUser.onPremisesSyncEnabled(),
                directoryUser.userType(), directoryUser.certificateUserIds());
    }

    public FactsBuilder onPremisesSyncEnabled(Boolean synced) {
        return user(directoryUser.userPrincipalName(), directoryUser.accountEnabled(), synced,
                directoryUser.userType(), directoryUser.certificateUserIds());
    }

    public FactsBuilder userType(String userType) {
        return user(directoryUser.userPrincipalName(), directoryUser.accountEnabled(),
                directoryUser.onPremisesSyncEnabled(), userType, directoryUser.certificateUserIds());
    }

    public FactsBuilder upn(String upn) {
        return user(upn, directoryUser.accountEnabled(), directoryUser.onPremisesSyncEnabled(),
                directoryUser.userType(), directoryUser.certificateUserIds());
    }

    public FactsBuilder certificateUserIds(String... ids) {
        return user(directoryUser.userPrincipalName(), directoryUser.accountEnabled(),
                directoryUser.onPremisesSyncEnabled(), directoryUser.userType(), List.of(ids));
    }

    public FactsBuilder signInActivity(Instant lastSuccessful) {
        signInActivity = Fact.known(new SignInActivity(lastSuccessful, lastSuccessful, null));
        return this;
    }

    public FactsBuilder signInActivityUnreadable(DataGap gap) {
        signInActivity = Fact.unknown(gap);
        return this;
    }

    // --- methods, groups, roles

    public FactsBuilder methods(AuthenticationMethod... registered) {
        methods = Fact.known(List.of(registered));
        return this;
    }

    public FactsBuilder methodsUnreadable(DataGap gap) {
        methods = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder groups(String... ids) {
        groups = Fact.known(Set.of(ids));
        return this;
    }

    public FactsBuilder groupsUnreadable(DataGap gap) {
        groups = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder roles(RoleAssignment... assignments) {
        roles = Fact.known(List.of(assignments));
        return this;
    }

    public FactsBuilder rolesUnreadable(DataGap gap) {
        roles = Fact.unknown(gap);
        return this;
    }

    /** Groups came back with limited information: roles held through them are unknown (direct roles are read). */
    public FactsBuilder groupRolesUnread() {
        groupRolesGap = LIMITED_GROUPS;
        return this;
    }

    public FactsBuilder activeSchedules(RoleSchedule... schedules) {
        activeSchedules = Fact.known(List.of(schedules));
        return this;
    }

    public FactsBuilder activeSchedulesUnreadable(DataGap gap) {
        activeSchedules = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder eligibleSchedules(RoleSchedule... schedules) {
        eligibleSchedules = Fact.known(List.of(schedules));
        return this;
    }

    public FactsBuilder eligibleSchedulesUnreadable(DataGap gap) {
        eligibleSchedules = Fact.unknown(gap);
        return this;
    }

    // --- tenant

    public FactsBuilder fido2(Fido2Policy policy) {
        fido2 = Fact.known(policy);
        return this;
    }

    public FactsBuilder fido2Unreadable(DataGap gap) {
        fido2 = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder x509(X509Policy policy, TrustedCertificateAuthority... cas) {
        x509 = Fact.known(policy);
        authorities = Fact.known(List.of(cas));
        return this;
    }

    public FactsBuilder x509Unreadable(DataGap gap) {
        x509 = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder policies(ConditionalAccessPolicy... list) {
        policies = Fact.known(List.of(list));
        return this;
    }

    public FactsBuilder policiesUnreadable(DataGap gap) {
        policies = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder strengths(AuthenticationStrength... list) {
        strengths = Fact.known(List.of(list));
        return this;
    }

    public FactsBuilder strengthsUnreadable(DataGap gap) {
        strengths = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder securityDefaults(boolean enabled) {
        securityDefaults = Fact.known(enabled);
        return this;
    }

    public FactsBuilder securityDefaultsUnreadable(DataGap gap) {
        securityDefaults = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder signIns(SignIn... list) {
        signIns = Fact.known(List.of(list));
        return this;
    }

    public FactsBuilder signInsUnreadable(DataGap gap) {
        signIns = Fact.unknown(gap);
        return this;
    }

    public FactsBuilder signInsSince(Instant since) {
        signInsSince = since;
        return this;
    }

    public FactsBuilder settings(TenantSettings tenantSettings) {
        settings = tenantSettings;
        return this;
    }

    // --- inventory

    public FactsBuilder expectsCertificateAuth(boolean expects) {
        expectsCertificateAuth = expects;
        return this;
    }

    public FactsBuilder custodians(Custodian... list) {
        custodians = List.of(list);
        return this;
    }

    public FactsBuilder drills(Drill... list) {
        drills = List.of(list);
        return this;
    }

    public FactsBuilder reviews(InventoryFacts.Review... list) {
        reviews = List.of(list);
        return this;
    }

    public FactsBuilder attestations(Attestation... list) {
        attestations = List.of(list);
        return this;
    }

    public FactsBuilder acknowledgedSignIns(String... ids) {
        acknowledgedSignIns = Set.of(ids);
        return this;
    }

    public FactsBuilder acknowledgedMethods(String... ids) {
        acknowledgedMethods = Set.of(ids);
        return this;
    }

    public FactsBuilder previousMethodIds(String... ids) {
        previousMethodIds = Set.of(ids);
        return this;
    }

    // --- small factories

    public static Duration days(long days) {
        return Duration.ofDays(days);
    }

    public static TenantSettings settingsWith(Integer minUsable, List<String> approved, Boolean allowSynced,
            List<String> fallback, Boolean requireInitialDomain) {
        return new TenantSettings(minUsable, approved, allowSynced, fallback, requireInitialDomain, null, null, null,
                null, null, null, null, null, null);
    }

    public static AuthenticationMethod key(String id, String aaGuid) {
        return AuthenticationMethod.fido2(id, "BG key " + id, NOW.minus(days(300)), aaGuid, null, "attested",
                "deviceBound");
    }

    public static AuthenticationMethod key(String id, String aaGuid, String attestation, String passkeyType) {
        return AuthenticationMethod.fido2(id, "BG key " + id, NOW.minus(days(300)), aaGuid, null, attestation,
                passkeyType);
    }

    /** A FIDO2 key as Graph lists it when the response has no {@code passkeyType}. */
    public static AuthenticationMethod keyWithoutType(String id, String aaGuid) {
        return AuthenticationMethod.fido2(id, "BG key " + id, NOW.minus(days(300)), aaGuid, null, "attested", null);
    }

    public static AuthenticationMethod windowsHello(String id, String keyStrength) {
        return AuthenticationMethod.withKeyStrength(id, MethodKind.WINDOWS_HELLO_FOR_BUSINESS, "PC " + id,
                NOW.minus(days(100)), keyStrength);
    }

    public static AuthenticationMethod method(String id, MethodKind kind) {
        return AuthenticationMethod.other(id, kind, kind.wireName() + " " + id, NOW.minus(days(5)));
    }

    public static PolicyTarget allUsers() {
        return new PolicyTarget(PolicyTarget.ALL_USERS, "group", List.of());
    }

    public static PolicyTarget group(String id, String... profiles) {
        return new PolicyTarget(id, "group", List.of(profiles));
    }

    public static PolicyTarget user(String id) {
        return new PolicyTarget(id, "user", List.of());
    }

    public static Fido2Policy fido2Policy(List<PolicyTarget> include, List<PolicyTarget> exclude,
            KeyRestrictions restrictions) {
        return new Fido2Policy("enabled", include, exclude, restrictions, List.of(), null);
    }

    public static Fido2Policy fido2Profiles(List<PolicyTarget> include, String defaultProfile,
            PasskeyProfile... profiles) {
        return new Fido2Policy("enabled", include, List.of(), null, List.of(profiles), defaultProfile);
    }

    public static KeyRestrictions allow(String... aaguids) {
        return new KeyRestrictions(true, "allow", List.of(aaguids));
    }

    public static KeyRestrictions block(String... aaguids) {
        return new KeyRestrictions(true, "block", List.of(aaguids));
    }

    public static X509Policy cbaPolicy(String state, String userProperty, String defaultMode,
            CertificateAuthenticationRule... rules) {
        return new X509Policy(state, List.of(allUsers()), List.of(),
                List.of(new CertificateUserBinding("PrincipalName", userProperty, 1, "low")), defaultMode,
                List.of(rules));
    }

    public static TrustedCertificateAuthority ca() {
        return new TrustedCertificateAuthority("CN=Contoso Root", "ski", true, NOW.plus(days(365)));
    }

    public static RoleAssignment directGlobalAdmin() {
        return new RoleAssignment("ra-1", GLOBAL_ADMIN, "/", USER_ID, false);
    }

    public static RoleAssignment role(String templateId, String principalId, boolean viaGroup) {
        return new RoleAssignment("ra-" + templateId, templateId, "/", principalId, viaGroup);
    }

    public static RoleSchedule globalAdminSchedule(String memberType, Instant end) {
        return new RoleSchedule(GLOBAL_ADMIN, "/", USER_ID, memberType, "Assigned", NOW.minus(days(400)), end);
    }

    public static AuthenticationStrength phishingResistantStrength(List<String> allowedAaguids) {
        return new AuthenticationStrength(PHISHING_RESISTANT, "Phishing resistant MFA",
                List.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"), allowedAaguids);
    }

    public static Drill drill(String id, Instant performedAt, DrillVerification verification) {
        return new Drill(id, performedAt, DrillOutcome.SUCCEEDED, verification, null);
    }

    public static SignIn signIn(String id, Instant at) {
        return new SignIn(id, USER_ID, UPN, at, 0, null, true, "Azure Portal", "203.0.113.7");
    }

    /** A Conditional Access policy builder: enabled, all users, grant mfa, unless told otherwise. */
    public static CaPolicy ca(String id) {
        return new CaPolicy(id);
    }

    /** Mutable builder of a {@link ConditionalAccessPolicy}. */
    public static final class CaPolicy {
        private final String id;
        private String state = "enabled";
        private List<String> includeUsers = List.of("All");
        private List<String> excludeUsers = List.of();
        private List<String> includeGroups = List.of();
        private List<String> excludeGroups = List.of();
        private List<String> includeRoles = List.of();
        private List<String> excludeRoles = List.of();
        private List<String> servicePrincipals = List.of();
        private ConditionalAccessPolicy.GrantControls grant = new ConditionalAccessPolicy.GrantControls("OR",
                List.of("mfa"), List.of(), List.of(), null);

        private CaPolicy(String id) {
            this.id = id;
        }

        public CaPolicy state(String value) {
            state = value;
            return this;
        }

        public CaPolicy includeUsers(String... values) {
            includeUsers = List.of(values);
            return this;
        }

        public CaPolicy excludeUsers(String... values) {
            excludeUsers = List.of(values);
            return this;
        }

        public CaPolicy includeGroups(String... values) {
            includeGroups = List.of(values);
            return this;
        }

        public CaPolicy excludeGroups(String... values) {
            excludeGroups = List.of(values);
            return this;
        }

        public CaPolicy includeRoles(String... values) {
            includeRoles = List.of(values);
            return this;
        }

        public CaPolicy excludeRoles(String... values) {
            excludeRoles = List.of(values);
            return this;
        }

        public CaPolicy workloadIdentities(String... values) {
            servicePrincipals = List.of(values);
            return this;
        }

        /** Built-in controls joined by {@code operator}. */
        public CaPolicy grant(String operator, String... controls) {
            grant = new ConditionalAccessPolicy.GrantControls(operator, List.of(controls), List.of(), List.of(),
                    null);
            return this;
        }

        public CaPolicy grant(ConditionalAccessPolicy.GrantControls controls) {
            grant = controls;
            return this;
        }

        public CaPolicy strength(String operator, String strengthId, String... builtIn) {
            grant = new ConditionalAccessPolicy.GrantControls(operator, List.of(builtIn), List.of(), List.of(),
                    strengthId);
            return this;
        }

        public ConditionalAccessPolicy build() {
            return new ConditionalAccessPolicy(id, "Policy " + id, state, includeUsers, excludeUsers, includeGroups,
                    excludeGroups, includeRoles, excludeRoles, servicePrincipals, grant);
        }
    }
}
