package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;

/**
 * Every phishing-resistant credential of an account with whether it is usable today and why not (rules.md "Usable
 * phishing-resistant credential"). {@code gap} is set when the registered methods could not be read, so the list may be
 * incomplete.
 */
public record CredentialAssessment(List<Credential> credentials, DataGap gap) {

    /**
     * One credential: {@code kind} is the method kind's wire name ({@code certificate} for CBA), {@code mode} the
     * authentication strength mode it satisfies ({@code fido2}, {@code windowsHelloForBusiness},
     * {@code x509CertificateMultiFactor}) or null; {@code issuer} is the CBA certificate's issuer as far as known
     * (null for other kinds).
     */
    public record Credential(String id, String kind, String displayName, String aaGuid, String model,
            String passkeyType, String mode, Judgement usable, CertificateIssuer issuer) {

        Credential(String id, String kind, String displayName, String aaGuid, String model, String passkeyType,
                String mode, Judgement usable) {
            this(id, kind, displayName, aaGuid, model, passkeyType, mode, usable, null);
        }

        public Map<String, Object> evidence() {
            return Evidence.entry("id", id, "kind", kind, "name", displayName, "aaGuid", aaGuid, "model", model,
                    "passkeyType", passkeyType, "usable", usable.word(), "whyNot",
                    usable.isYes() ? null : usable.why());
        }
    }

    public static CredentialAssessment assess(AccountContext context) {
        List<Credential> credentials = new ArrayList<>();
        Fact<List<AuthenticationMethod>> methods = context.account().methods();
        if (methods.isKnown()) {
            for (AuthenticationMethod method : methods.value()) {
                credential(method, context).ifPresent(credentials::add);
            }
        }
        CertificateAuthCheck.Assessment cba = CertificateAuthCheck.assess(context);
        if (cba.result() != RuleResult.NOT_APPLICABLE) {
            credentials.add(new Credential("certificate", "certificate", "Certificate-based authentication", null,
                    null, null, CertificateAuthCheck.MULTI_FACTOR, cbaUsable(cba), cba.issuer()));
        }
        return new CredentialAssessment(List.copyOf(credentials), methods.missing().orElse(null));
    }

    public List<Credential> usable() {
        return credentials.stream().filter(c -> c.usable().isYes()).toList();
    }

    public int usableCount() {
        return usable().size();
    }

    /** True when every credential could be judged and the method list was read. */
    public boolean complete() {
        return gap == null && credentials.stream().noneMatch(c -> c.usable().isUnknown());
    }

    /** The first gap that keeps the assessment incomplete. */
    public Optional<DataGap> firstGap() {
        if (gap != null) {
            return Optional.of(gap);
        }
        return credentials.stream().filter(c -> c.usable().isUnknown()).map(c -> c.usable().gap()).findFirst();
    }

    public List<Map<String, Object>> evidence() {
        return credentials.stream().map(Credential::evidence).toList();
    }

    private static Optional<Credential> credential(AuthenticationMethod method, AccountContext context) {
        return switch (method.kind()) {
            case FIDO2 -> Optional.of(new Credential(method.id(), method.kind().wireName(), method.displayName(),
                    method.aaGuid(), context.aaguids().modelOf(method), method.passkeyType(), "fido2",
                    fido2Usable(method, context)));
            // Authentication strengths list Platform Credential for macOS under windowsHelloForBusiness (Microsoft
            // Learn, "Authentication strength blade double representation"), so both kinds share that mode.
            case WINDOWS_HELLO_FOR_BUSINESS, PLATFORM_CREDENTIAL -> Optional.of(new Credential(method.id(),
                    method.kind().wireName(), method.displayName(), null, null, null, "windowsHelloForBusiness",
                    "weak".equalsIgnoreCase(method.keyStrength())
                            ? Judgement.no("its key strength is weak")
                            : Judgement.yes("key strength " + method.keyStrength())));
            default -> Optional.empty();
        };
    }

    private static Judgement fido2Usable(AuthenticationMethod method, AccountContext context) {
        Fact<Fido2Policy> policy = context.tenant().fido2Policy();
        if (!policy.isKnown()) {
            return Judgement.unknown(policy.missing().orElseThrow(), "the FIDO2 policy is unreadable");
        }
        return context.fido2Eligibility(policy.value()).usable(method);
    }

    private static Judgement cbaUsable(CertificateAuthCheck.Assessment cba) {
        return switch (cba.result()) {
            case PASS -> Judgement.yes("certificate-based authentication is ready");
            case UNKNOWN -> Judgement.unknown(cba.gap(), "certificate-based authentication could not be checked");
            default -> Judgement.no(String.join("; ", cba.problems()));
        };
    }
}
