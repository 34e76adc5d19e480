package io.glasswarden.readiness;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.X509Policy;

/**
 * Whether the username bindings that can resolve the account meet the affinity CBA requires of them (rules.md v1.1
 * "Certificate affinity and strengths"): the configuration's default required level, or that of the rule matching the
 * account's certificate. A high-affinity binding meets either level, a low one only low. Which binding and which rule
 * apply depends on the certificate, which the directory does not hold: the answer is yes only when every possible
 * pairing meets the requirement, no when none does, and unknown otherwise.
 */
final class CertificateAffinity {
    static final String HIGH = "high";
    static final String LOW = "low";
    static final String UNKNOWN = "unknown";
    /**
     * Entra's classification of binding fields (Microsoft Learn, "Microsoft Entra certificate-based authentication
     * technical deep dive", username bindings), for bindings Graph sends without {@code trustAffinityLevel} (v1.0
     * omits the property).
     */
    private static final Map<String, String> FIELD_AFFINITY = Map.of("principalname", LOW, "rfc822name", LOW,
            "subject", LOW, "issuerandsubject", LOW, "subjectkeyidentifier", HIGH, "sha1publickey", HIGH,
            "issuerandserialnumber", HIGH);

    private CertificateAffinity() {
    }

    /** {@code resolving} are the bindings that can resolve the account (not empty). */
    static Judgement meets(X509Policy policy, List<CertificateUserBinding> resolving, CertificateIssuer issuer) {
        Set<String> required = requiredLevels(policy, issuer);
        Set<String> offered = new LinkedHashSet<>();
        resolving.forEach(b -> offered.add(level(b)));
        String summary = "required affinity " + required + ", bindings that can resolve the account offer " + offered;
        boolean allMeet = offered.stream().allMatch(b -> HIGH.equals(b) || required.equals(Set.of(LOW)));
        if (allMeet) {
            return Judgement.yes(summary);
        }
        boolean noneMeets = required.equals(Set.of(HIGH)) && offered.equals(Set.of(LOW));
        if (noneMeets) {
            return Judgement.no("no username binding that can resolve the account meets the required high affinity "
                    + "(" + summary + ")");
        }
        return Judgement.unknown(CertificateIssuer.CERTIFICATE_GAP,
                "whether the binding that resolves the account meets the required affinity depends on its certificate ("
                        + summary + ")");
    }

    /** The levels that may apply: those of the rules that surely match the certificate, else the default and maybes. */
    static Set<String> requiredLevels(X509Policy policy, CertificateIssuer issuer) {
        String defaultLevel = policy.defaultRequiredAffinity() == null
                ? LOW
                : policy.defaultRequiredAffinity().toLowerCase();
        Set<String> surely = new LinkedHashSet<>();
        Set<String> maybe = new LinkedHashSet<>();
        maybe.add(defaultLevel);
        for (CertificateAuthenticationRule rule : PolicyTargeting.nullSafe(policy.rules())) {
            String level = rule.requiredAffinity() == null ? defaultLevel : rule.requiredAffinity().toLowerCase();
            Judgement match = matches(rule, issuer);
            if (match.isYes()) {
                surely.add(level);
            } else if (match.isUnknown()) {
                maybe.add(level);
            }
        }
        return surely.isEmpty() ? maybe : surely;
    }

    /** An issuer rule matches when the issuer is known and named by it; policy OID rules may always match. */
    private static Judgement matches(CertificateAuthenticationRule rule, CertificateIssuer issuer) {
        String type = rule.ruleType() == null ? "" : rule.ruleType();
        if ("policyOID".equalsIgnoreCase(type) || issuer.name() == null) {
            return Judgement.unknown(CertificateIssuer.CERTIFICATE_GAP, "the certificate is not known");
        }
        // issuerSubjectAndPolicyOID: the identifier starts with the issuer subject (PolicyMapper joins both parts)
        boolean issuerMatches = "issuerSubject".equalsIgnoreCase(type)
                ? issuer.named(rule.identifier())
                : issuer.namedAtStartOf(rule.identifier());
        if (!issuerMatches) {
            return Judgement.no("another issuer");
        }
        return "issuerSubject".equalsIgnoreCase(type)
                ? Judgement.yes("issuer " + issuer.name())
                : Judgement.unknown(CertificateIssuer.CERTIFICATE_GAP, "policy OIDs are not known");
    }

    /** The binding's level as Graph sends it, else by its certificate field; "unknown" when neither tells. */
    static String level(CertificateUserBinding binding) {
        if (binding.trustAffinityLevel() != null) {
            return binding.trustAffinityLevel().toLowerCase();
        }
        return binding.x509CertificateField() == null
                ? UNKNOWN
                : FIELD_AFFINITY.getOrDefault(binding.x509CertificateField().toLowerCase(), UNKNOWN);
    }
}
