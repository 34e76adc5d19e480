package io.glasswarden.readiness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.PasskeyProfile;
import io.glasswarden.directory.PolicyTarget;

/**
 * The FIDO2 conditions 1–4 of rules.md for one account: policy enabled, account targeted, key restrictions (passkey
 * profiles or the legacy top-level restrictions) permit the key, and synced passkeys only when allowed.
 */
public final class Fido2Eligibility {
    static final String SYNCED = "synced";

    private final Fido2Policy policy;
    private final String userId;
    private final Fact<Set<String>> groups;
    private final boolean allowSyncedPasskeys;
    private final AaguidCatalogue aaguids;

    public Fido2Eligibility(Fido2Policy policy, String userId, Fact<Set<String>> groups, boolean allowSyncedPasskeys,
            AaguidCatalogue aaguids) {
        this.policy = policy;
        this.userId = userId;
        this.groups = groups;
        this.allowSyncedPasskeys = allowSyncedPasskeys;
        this.aaguids = aaguids;
    }

    /** Condition 1. */
    public Judgement enabled() {
        return "enabled".equalsIgnoreCase(policy.state())
                ? Judgement.yes("the FIDO2 policy is enabled")
                : Judgement.no("the FIDO2 (passkey) method is not enabled in the authentication methods policy");
    }

    /** Condition 2. */
    public Judgement targeted() {
        Judgement targeted = PolicyTargeting.targeted(policy.includeTargets(), policy.excludeTargets(), userId,
                groups);
        return targeted.isNo() ? Judgement.no("FIDO2 policy: " + targeted.why()) : targeted;
    }

    public boolean usesPasskeyProfiles() {
        return policy.passkeyProfiles() != null && !policy.passkeyProfiles().isEmpty();
    }

    /** Whether some include target matches the account, so that a passkey profile applies (profiles in use only). */
    public Judgement profileApplies() {
        List<Judgement> matches = PolicyTargeting.nullSafe(policy.includeTargets())
                .stream()
                .map(t -> PolicyTargeting.matches(t, userId, groups, true))
                .toList();
        return Judgement.anyOf(matches, "no FIDO2 include target matches the account, so no passkey profile applies");
    }

    /** Condition 3: the key restrictions that apply to the account permit the key's AAGUID. */
    public Judgement permits(AuthenticationMethod method) {
        if (!usesPasskeyProfiles()) {
            return KeyRestrictionCheck.permits(policy.keyRestrictions(), method.aaGuid(),
                    "the FIDO2 key restrictions");
        }
        List<Judgement> verdicts = new ArrayList<>();
        boolean targetUnknown = false;
        for (PolicyTarget target : PolicyTargeting.nullSafe(policy.includeTargets())) {
            Judgement match = PolicyTargeting.matches(target, userId, groups, true);
            if (match.isUnknown()) {
                targetUnknown = true;
                verdicts.add(match);
            } else if (match.isYes()) {
                profilesOf(target).forEach(p -> verdicts.add(profilePermits(p, method)));
            }
        }
        if (verdicts.isEmpty()) {
            return Judgement.no("no passkey profile applies to the account");
        }
        Judgement any = Judgement.anyOf(verdicts, "");
        if (any.isNo() && !targetUnknown) {
            return Judgement.no(String.join("; ", verdicts.stream().map(Judgement::why).toList()));
        }
        return any;
    }

    /**
     * Condition 4, with the passkey type Graph reports or, when it sends none, the one the AAGUID shows
     * ({@link KeyStorage}); unknown when neither tells and synced passkeys are not allowed.
     */
    public Judgement syncAllowed(AuthenticationMethod method) {
        if (allowSyncedPasskeys) {
            return Judgement.yes("synced passkeys are allowed");
        }
        KeyStorage storage = KeyStorage.of(method, aaguids);
        if (storage.synced()) {
            return Judgement.no("it is a synced passkey (" + storage.why()
                    + ") and the tenant settings do not allow synced passkeys");
        }
        if (storage.unknown()) {
            return Judgement.unknown(KeyStorage.gap(method), "whether it is a synced passkey is unknown ("
                    + storage.why() + ") and the tenant settings do not allow synced passkeys");
        }
        return Judgement.yes("not a synced passkey (" + storage.why() + ")");
    }

    /** Conditions 1–4 together: yes when the key would let the account sign in today. */
    public Judgement usable(AuthenticationMethod method) {
        return Judgement.allOf(List.of(enabled(), targeted(), permits(method), syncAllowed(method)),
                "usable FIDO2 key");
    }

    private List<PasskeyProfile> profilesOf(PolicyTarget target) {
        Set<String> ids = new LinkedHashSet<>(PolicyTargeting.nullSafe(target.allowedPasskeyProfiles()));
        if (ids.isEmpty() && policy.defaultPasskeyProfile() != null) {
            ids.add(policy.defaultPasskeyProfile());
        }
        return policy.passkeyProfiles()
                .stream()
                .filter(p -> ids.stream().anyMatch(id -> id.equalsIgnoreCase(p.id())))
                .toList();
    }

    private static Judgement profilePermits(PasskeyProfile profile, AuthenticationMethod method) {
        String source = "passkey profile '" + profile.name() + "' (" + profile.id() + ")";
        if (method.passkeyType() != null && !passkeyTypes(profile).contains(method.passkeyType().toLowerCase())) {
            return Judgement.no(source + " does not allow " + method.passkeyType() + " passkeys");
        }
        return KeyRestrictionCheck.permits(profile.keyRestrictions(), method.aaGuid(), source);
    }

    /** Graph sends passkey types as a flags enum ("deviceBound,synced"); accept both list and joined forms. */
    private static Set<String> passkeyTypes(PasskeyProfile profile) {
        Set<String> types = new LinkedHashSet<>();
        for (String entry : PolicyTargeting.nullSafe(profile.passkeyTypes())) {
            Arrays.stream(entry.split(",")).map(String::trim).map(String::toLowerCase).forEach(types::add);
        }
        return types;
    }
}
