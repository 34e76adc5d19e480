package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.List;

import io.glasswarden.directory.CertificateAuthenticationRule;
import io.glasswarden.directory.CertificateUserBinding;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.X509Policy;

/**
 * Whether certificate-based authentication would let the account sign in with multi-factor strength (BG-018),
 * including the affinity the resolving username binding must meet (rules.md v1.1). The same verdict decides whether
 * CBA counts as one usable credential.
 */
public final class CertificateAuthCheck {
    static final String MULTI_FACTOR = "x509CertificateMultiFactor";

    private CertificateAuthCheck() {
    }

    /**
     * The verdict: result PASS/FAIL/UNKNOWN/NOT_APPLICABLE, the problems found, the gap when unknown, evidence, and the
     * issuer of the account's certificate as far as known (null when the configuration was not judged).
     */
    public record Assessment(RuleResult result, List<String> problems, DataGap gap, Evidence evidence,
            CertificateIssuer issuer) {

        Assessment(RuleResult result, List<String> problems, DataGap gap, Evidence evidence) {
            this(result, problems, gap, evidence, null);
        }
    }

    public static Assessment assess(AccountContext context) {
        Fact<DirectoryUser> user = context.user();
        if (!user.isKnown()) {
            return new Assessment(RuleResult.UNKNOWN, List.of(), user.missing().orElseThrow(), Evidence.of());
        }
        List<String> certificateUserIds = PolicyTargeting.nullSafe(user.value().certificateUserIds());
        Evidence evidence = Evidence.of("certificateUserIds", certificateUserIds)
                .put("expectsCertificateAuth",
                        context.inventory().expectsCertificateAuth());
        if (certificateUserIds.isEmpty() && !context.inventory().expectsCertificateAuth()) {
            return new Assessment(RuleResult.NOT_APPLICABLE, List.of(), null, evidence);
        }
        Fact<X509Policy> policy = context.tenant().x509Policy();
        Fact<List<TrustedCertificateAuthority>> authorities = context.tenant().trustedCertificateAuthorities();
        var gap = RuleDescriptor.firstGap(policy, authorities);
        if (gap.isPresent()) {
            return new Assessment(RuleResult.UNKNOWN, List.of(), gap.get(), evidence);
        }
        return judge(policy.value(), authorities.value(), user.value(), context, evidence);
    }

    private static Assessment judge(X509Policy policy, List<TrustedCertificateAuthority> authorities,
            DirectoryUser user, AccountContext context, Evidence evidence) {
        Judgement targeted = PolicyTargeting.targeted(policy.includeTargets(), policy.excludeTargets(), user.id(),
                context.account().transitiveGroupIds());
        evidence.put("state", policy.state()).put("targeted", targeted.word()).put("targeting", targeted.why());
        List<String> problems = new ArrayList<>();
        if (!"enabled".equalsIgnoreCase(policy.state())) {
            problems.add("certificate-based authentication is not enabled in the authentication methods policy");
        }
        if (targeted.isNo()) {
            problems.add("the certificate-based authentication policy does not cover the account: " + targeted.why());
        }
        problems.addAll(configurationProblems(policy, authorities, user, evidence));
        CertificateIssuer issuer = CertificateIssuer.of(user, authorities);
        evidence.put("certificateIssuer", Evidence.entry("name", issuer.name(), "subjectKeyIdentifier",
                issuer.subjectKeyIdentifier()));
        Judgement affinity = affinity(policy, user, issuer, evidence);
        if (affinity.isNo()) {
            problems.add(affinity.why());
        }
        evidence.put("problems", problems);
        if (!problems.isEmpty()) {
            return new Assessment(RuleResult.FAIL, problems, null, evidence, issuer);
        }
        Judgement open = Judgement.allOf(List.of(targeted, affinity), "");
        if (open.isUnknown()) {
            return new Assessment(RuleResult.UNKNOWN, problems, open.gap(), evidence, issuer);
        }
        return new Assessment(RuleResult.PASS, problems, null, evidence, issuer);
    }

    /** The required affinity against the bindings that can resolve the account (none: reported as a problem). */
    private static Judgement affinity(X509Policy policy, DirectoryUser user, CertificateIssuer issuer,
            Evidence evidence) {
        List<CertificateUserBinding> resolving = resolving(policy.bindings(), user);
        if (resolving.isEmpty()) {
            return Judgement.yes("no binding resolves the account");
        }
        Judgement affinity = CertificateAffinity.meets(policy, resolving, issuer);
        evidence.put("requiredAffinity", CertificateAffinity.requiredLevels(policy, issuer))
                .put("affinity", Evidence.entry("meets", affinity.word(), "why", affinity.why()));
        return affinity;
    }

    /** Binding, authentication mode and trust store problems, with their evidence. */
    private static List<String> configurationProblems(X509Policy policy, List<TrustedCertificateAuthority> authorities,
            DirectoryUser user, Evidence evidence) {
        List<String> problems = new ArrayList<>();
        evidence.put("bindings", PolicyTargeting.nullSafe(policy.bindings())
                .stream()
                .map(b -> b.x509CertificateField() + " -> " + b.userProperty() + " (affinity "
                        + CertificateAffinity.level(b) + ")")
                .toList());
        if (resolving(policy.bindings(), user).isEmpty()) {
            problems.add("no username binding can resolve the account (bind to certificateUserIds and set them, "
                    + "or bind to userPrincipalName)");
        }
        evidence.put("defaultMode", policy.defaultMode());
        if (!canBeMultiFactor(policy)) {
            problems.add("certificates only count as single-factor (default mode " + policy.defaultMode()
                    + " and no rule grants multi-factor)");
        }
        evidence.put("trustedCertificateAuthorities", authorities.stream()
                .map(ca -> Evidence.entry("issuer", ca.issuer(), "expiresAt", ca.expiresAt()))
                .toList());
        if (authorities.isEmpty()) {
            problems.add("no trusted certificate authority is configured");
        }
        return problems;
    }

    /** Bindings that can resolve the account: to certificateUserIds when it has some, or to userPrincipalName. */
    private static List<CertificateUserBinding> resolving(List<CertificateUserBinding> bindings, DirectoryUser user) {
        boolean hasCertificateUserIds = !PolicyTargeting.nullSafe(user.certificateUserIds()).isEmpty();
        return PolicyTargeting.nullSafe(bindings)
                .stream()
                .filter(b -> ("certificateUserIds".equalsIgnoreCase(b.userProperty()) && hasCertificateUserIds)
                        || "userPrincipalName".equalsIgnoreCase(b.userProperty()))
                .toList();
    }

    private static boolean canBeMultiFactor(X509Policy policy) {
        return MULTI_FACTOR.equalsIgnoreCase(policy.defaultMode()) || PolicyTargeting.nullSafe(policy.rules())
                .stream()
                .map(CertificateAuthenticationRule::mode)
                .anyMatch(MULTI_FACTOR::equalsIgnoreCase);
    }
}
