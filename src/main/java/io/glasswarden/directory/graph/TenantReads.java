package io.glasswarden.directory.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.directory.X509Policy;

/**
 * Tenant-wide reads, once per evaluation, as batch steps: the authentication methods policy (its method
 * configurations, FIDO2 and X.509 included, are expanded by Graph), Conditional Access policies (paced), authentication
 * strengths, security defaults and the CBA trust stores ({@link TrustStoreReads}: the legacy store and the PKI list in
 * round 1, each PKI's certificate authorities in round 2).
 */
final class TenantReads {

    static final String METHODS_POLICY = "t-methods-policy";
    static final String CONDITIONAL_ACCESS = "t-conditional-access";
    static final String STRENGTHS = "t-strengths";
    static final String SECURITY_DEFAULTS = "t-security-defaults";

    private TenantReads() {
    }

    /** What the tenant steps told, before sign-ins are read. */
    record Policies(Fact<Fido2Policy> fido2, Fact<X509Policy> x509, Fact<List<TrustedCertificateAuthority>> trust,
            Fact<List<ConditionalAccessPolicy>> conditionalAccess, Fact<List<AuthenticationStrength>> strengths,
            Fact<Boolean> securityDefaults) {
    }

    static List<GraphStep> steps(String tenantId, GraphCloud cloud) {
        List<GraphStep> steps = new ArrayList<>();
        if (cloud.offersAuthenticationMethods()) {
            steps.add(GraphStep.of(METHODS_POLICY, "/policies/authenticationMethodsPolicy"));
        }
        steps.addAll(List.of(
                new GraphStep(CONDITIONAL_ACCESS, "/identity/conditionalAccess/policies",
                        RequestPacer.Bucket.CONDITIONAL_ACCESS),
                GraphStep.of(STRENGTHS, "/policies/authenticationStrengthPolicies"),
                GraphStep.of(SECURITY_DEFAULTS, "/policies/identitySecurityDefaultsEnforcementPolicy")));
        steps.addAll(TrustStoreReads.steps(tenantId));
        return List.copyOf(steps);
    }

    /** The tenant steps that need round 1's answers: the certificate authorities of each PKI. */
    static List<GraphStep> secondRoundSteps(Map<String, GraphResponse> round1) {
        return TrustStoreReads.authoritySteps(round1);
    }

    static Policies policies(Map<String, GraphResponse> round1, Map<String, GraphResponse> round2,
            GraphCloud cloud) {
        Map<String, GraphResponse> results = new HashMap<>(round1);
        results.putAll(round2);
        GraphResponse policy = results.get(METHODS_POLICY);
        boolean offered = cloud.offersAuthenticationMethods();
        return new Policies(
                offered
                        ? configuration(policy, "Fido2", PolicyMapper::fido2)
                        : AccountReads.notInCloud(DataArea.METHODS_POLICY, cloud),
                offered
                        ? configuration(policy, "X509Certificate", PolicyMapper::x509)
                        : AccountReads.notInCloud(DataArea.METHODS_POLICY, cloud),
                TrustStoreReads.authorities(results),
                AccountReads.read(DataArea.CONDITIONAL_ACCESS, results.get(CONDITIONAL_ACCESS),
                        ConditionalAccessMapper::policies),
                AccountReads.read(DataArea.AUTHENTICATION_STRENGTHS, results.get(STRENGTHS),
                        ConditionalAccessMapper::strengths),
                AccountReads.read(DataArea.SECURITY_DEFAULTS, results.get(SECURITY_DEFAULTS),
                        body -> body.path("isEnabled").asBoolean(false)));
    }

    private static <T> Fact<T> configuration(GraphResponse policy, String id,
            Function<JsonNode, T> mapper) {
        Fact<Optional<JsonNode>> found = AccountReads.read(DataArea.METHODS_POLICY, policy,
                body -> PolicyMapper.configuration(body, id));
        if (!found.isKnown()) {
            return Fact.unknown(found.missing().orElseThrow());
        }
        return found.value()
                .map(mapper)
                .map(Fact::known)
                .orElseGet(() -> Fact.unknown(DataGap.of(
                        DataArea.METHODS_POLICY.data(), UnknownReason.GRAPH_ERROR, "Graph returned no " + id
                                + " configuration")));
    }
}
