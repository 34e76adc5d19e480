package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.X509Policy;

/** Required affinity levels and strength certificate restrictions, in the JSON shapes of the Graph reference. */
class CertificatePolicyMappingTest {

    @Test
    void x509ConfigurationKeepsDefaultAndRuleAffinityLevels() throws Exception {
        // x509CertificateAuthenticationMethodConfiguration (graph-reference §3.3; Learn:
        // x509certificateauthenticationmodeconfiguration, x509certificaterule, x509certificateuserbinding)
        X509Policy policy = PolicyMapper.x509(GraphTransport.JSON.readTree("""
                {"id":"X509Certificate","state":"enabled",
                 "certificateUserBindings":[
                   {"x509CertificateField":"PrincipalName","userProperty":"certificateUserIds","priority":1,
                    "trustAffinityLevel":"low"},
                   {"x509CertificateField":"SubjectKeyIdentifier","userProperty":"certificateUserIds","priority":2}],
                 "authenticationModeConfiguration":{
                   "x509CertificateAuthenticationDefaultMode":"x509CertificateMultiFactor",
                   "x509CertificateDefaultRequiredAffinityLevel":"high",
                   "rules":[{"x509CertificateRuleType":"issuerSubject","identifier":"CN=Contoso Root",
                     "x509CertificateAuthenticationMode":"x509CertificateMultiFactor",
                     "x509CertificateRequiredAffinityLevel":"low"}]},
                 "includeTargets":[{"targetType":"group","id":"all_users"}],"excludeTargets":[]}
                """));

        assertThat(policy.defaultRequiredAffinity()).isEqualTo("high");
        assertThat(policy.rules()).singleElement().satisfies(r -> {
            assertThat(r.identifier()).isEqualTo("CN=Contoso Root");
            assertThat(r.requiredAffinity()).isEqualTo("low");
        });
        assertThat(policy.bindings().get(0).trustAffinityLevel()).isEqualTo("low");
        assertThat(policy.bindings().get(1).trustAffinityLevel()).isNull();
    }

    @Test
    void x509ConfigurationWithoutAffinityLevelsHasNone() throws Exception {
        X509Policy policy = PolicyMapper.x509(GraphTransport.JSON.readTree("""
                {"id":"X509Certificate","state":"enabled","certificateUserBindings":[],
                 "authenticationModeConfiguration":{
                   "x509CertificateAuthenticationDefaultMode":"x509CertificateSingleFactor","rules":[]}}
                """));

        assertThat(policy.defaultRequiredAffinity()).isNull();
    }

    @Test
    void strengthKeepsTheCertificateRestrictionsOfTheMultiFactorMode() throws Exception {
        // authenticationStrengthPolicy.combinationConfigurations (Learn: x509certificatecombinationconfiguration)
        List<AuthenticationStrength> strengths = ConditionalAccessMapper.strengths(GraphTransport.JSON.readTree("""
                {"value":[{"id":"s-1","displayName":"PKI smart cards","policyType":"custom",
                  "allowedCombinations":["x509CertificateMultiFactor","fido2"],
                  "combinationConfigurations":[
                    {"@odata.type":"#microsoft.graph.x509CertificateCombinationConfiguration","id":"c1",
                     "appliesToCombinations":["x509CertificateMultiFactor"],
                     "allowedIssuerSkis":["A1B2C3"],"allowedPolicyOIDs":["1.2.3.4"]},
                    {"@odata.type":"#microsoft.graph.x509CertificateCombinationConfiguration","id":"c2",
                     "appliesToCombinations":["x509CertificateSingleFactor"],
                     "allowedIssuerSkis":["FFFF"],"allowedPolicyOIDs":[]},
                    {"@odata.type":"#microsoft.graph.fido2CombinationConfiguration","id":"c3",
                     "appliesToCombinations":["fido2"],"allowedAAGUIDs":["CB69481E-8FF7-4039-93EC-0A2729A154A8"]}]}]}
                """));

        assertThat(strengths).singleElement().satisfies(s -> {
            assertThat(s.x509AllowedIssuerSkis()).containsExactly("A1B2C3");
            assertThat(s.x509AllowedPolicyOids()).containsExactly("1.2.3.4");
            assertThat(s.fido2AllowedAaguids()).containsExactly("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        });
    }

    @Test
    void strengthWithoutConfigurationsRestrictsNoCertificate() throws Exception {
        List<AuthenticationStrength> strengths = ConditionalAccessMapper.strengths(GraphTransport.JSON.readTree("""
                {"value":[{"id":"00000000-0000-0000-0000-000000000004","displayName":"Phishing resistant MFA",
                  "allowedCombinations":["windowsHelloForBusiness","fido2","x509CertificateMultiFactor"],
                  "combinationConfigurations":[]}]}
                """));

        assertThat(strengths.get(0).x509AllowedIssuerSkis()).isEmpty();
        assertThat(strengths.get(0).x509AllowedPolicyOids()).isEmpty();
    }
}
