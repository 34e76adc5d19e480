package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy.GrantControls;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;

/**
 * Whether a Conditional Access grant can be satisfied in an emergency with the account's usable credentials (rules.md
 * "Lockout logic"): block never; device, app and password-change controls never (they cannot be guaranteed); mfa with
 * one usable credential; an authentication strength when a usable credential's mode (and AAGUID) is allowed.
 */
public final class LockoutCheck {
    private static final List<String> NEVER_IN_EMERGENCY = List.of("compliantDevice", "domainJoinedDevice",
            "approvedApplication", "compliantApplication", "passwordChange");

    private final CredentialAssessment credentials;
    private final Fact<List<AuthenticationStrength>> strengths;

    public LockoutCheck(CredentialAssessment credentials, Fact<List<AuthenticationStrength>> strengths) {
        this.credentials = credentials;
        this.strengths = strengths;
    }

    /** Yes when the grant is satisfiable in an emergency; the reason says which control decided. */
    public Judgement satisfiable(GrantControls grant) {
        if (grant == null) {
            return Judgement.yes("session controls only");
        }
        List<String> builtIn = PolicyTargeting.nullSafe(grant.builtInControls());
        if (builtIn.stream().anyMatch("block"::equalsIgnoreCase)) {
            return Judgement.no("it blocks access");
        }
        List<Judgement> controls = new ArrayList<>();
        builtIn.forEach(control -> controls.add(builtIn(control)));
        PolicyTargeting.nullSafe(grant.customAuthenticationFactors())
                .forEach(factor -> controls
                        .add(Judgement.no("it requires custom control '" + factor + "', which cannot be guaranteed")));
        PolicyTargeting.nullSafe(grant.termsOfUse()).forEach(t -> controls.add(Judgement.yes("terms of use")));
        if (grant.authenticationStrengthId() != null) {
            controls.add(strength(grant.authenticationStrengthId()));
        }
        if (controls.isEmpty()) {
            return Judgement.yes("no grant control to satisfy");
        }
        // Graph always sends the operator; a missing one is read as AND, the stricter reading.
        return "OR".equalsIgnoreCase(grant.operator())
                ? Judgement.anyOf(controls, "none of its controls can be met: " + whys(controls))
                : Judgement.allOf(controls, "all of its controls can be met: " + whys(controls));
    }

    private Judgement builtIn(String control) {
        if ("mfa".equalsIgnoreCase(control)) {
            if (credentials.usableCount() >= 1) {
                return Judgement.yes("MFA with a usable phishing-resistant credential");
            }
            return incompleteOr(Judgement.no("it requires MFA and the account has no usable credential"));
        }
        if (NEVER_IN_EMERGENCY.stream().anyMatch(control::equalsIgnoreCase)) {
            return Judgement.no("it requires " + control + ", which cannot be guaranteed in an emergency");
        }
        return Judgement.no("it requires " + control + ", which Glasswarden cannot guarantee in an emergency");
    }

    private Judgement strength(String id) {
        if (!strengths.isKnown()) {
            return Judgement.unknown(strengths.missing().orElseThrow(), "authentication strengths are unreadable");
        }
        Optional<AuthenticationStrength> found = strengths.value()
                .stream()
                .filter(s -> id.equalsIgnoreCase(s.id()))
                .findFirst();
        if (found.isEmpty()) {
            return Judgement.unknown(DataGap.of("authentication strength " + id, UnknownReason.GRAPH_ERROR,
                    "the policy refers to a strength that was not returned"),
                    "authentication strength " + id
                            + " is unknown");
        }
        AuthenticationStrength strength = found.get();
        List<Judgement> admitted = credentials.usable().stream().map(c -> allows(strength, c)).toList();
        Judgement any = Judgement.anyOf(admitted, "");
        if (!any.isNo()) {
            return any;
        }
        return incompleteOr(Judgement.no("no usable credential meets authentication strength '"
                + strength.displayName() + "' (allows " + strength.allowedCombinations()
                + (PolicyTargeting.nullSafe(strength.fido2AllowedAaguids()).isEmpty()
                        ? ""
                        : ", FIDO2 AAGUIDs " + strength.fido2AllowedAaguids())
                + (PolicyTargeting.nullSafe(strength.x509AllowedIssuerSkis()).isEmpty()
                        ? ""
                        : ", certificate issuers " + strength.x509AllowedIssuerSkis())
                + ")"));
    }

    /**
     * Whether the strength admits the usable credential: its mode is allowed, a FIDO2 key's AAGUID is in the
     * {@code fido2CombinationConfiguration} if any, and a certificate meets the
     * {@code x509CertificateCombinationConfiguration} if any ({@link CertificateIssuer#admittedBy}).
     */
    private static Judgement allows(AuthenticationStrength strength, CredentialAssessment.Credential credential) {
        String meets = "credential " + credential.id() + " meets authentication strength '" + strength.displayName()
                + "'";
        if (credential.mode() == null || PolicyTargeting.nullSafe(strength.allowedCombinations())
                .stream()
                .map(String::trim)
                .noneMatch(credential.mode()::equalsIgnoreCase)) {
            return Judgement.no("mode not allowed");
        }
        if (CertificateAuthCheck.MULTI_FACTOR.equals(credential.mode()) && credential.issuer() != null) {
            Judgement admitted = credential.issuer().admittedBy(strength);
            return admitted.isYes() ? Judgement.yes(meets) : admitted;
        }
        List<String> aaguids = PolicyTargeting.nullSafe(strength.fido2AllowedAaguids());
        boolean allowed = !"fido2".equals(credential.mode()) || aaguids.isEmpty()
                || KeyRestrictionCheck.contains(aaguids, credential.aaGuid());
        return allowed ? Judgement.yes(meets) : Judgement.no("AAGUID not allowed");
    }

    /** A "no" that rests on the usable count is only certain when every credential could be judged. */
    private Judgement incompleteOr(Judgement no) {
        return credentials.complete()
                ? no
                : Judgement.unknown(credentials.firstGap().orElseThrow(),
                        "the account's credentials could not all be checked");
    }

    private static String whys(List<Judgement> judgements) {
        return String.join("; ", judgements.stream().map(Judgement::why).toList());
    }
}
