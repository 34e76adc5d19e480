package io.glasswarden.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.Fido2Policy;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.TenantFacts;
import io.glasswarden.directory.UnknownReason;
import io.glasswarden.tenants.TenantSettings;

/**
 * Everything an account rule may read: the account's directory facts, the tenant's, the tenant settings (defaults
 * applied), Glasswarden's own inventory facts, the AAGUID catalogue, and the evaluation time.
 */
public record AccountContext(
        AccountFacts account,
        TenantFacts tenant,
        TenantSettings settings,
        InventoryFacts inventory,
        AaguidCatalogue aaguids,
        Instant now) {

    public AccountContext {
        settings = (settings == null ? TenantSettings.defaults() : settings).withDefaults();
        inventory = inventory == null ? InventoryFacts.empty() : inventory;
        aaguids = aaguids == null ? AaguidCatalogue.empty() : aaguids;
    }

    /** The gap used when the account does not exist in the directory. */
    public static DataGap notFound() {
        return DataGap.of("the account", UnknownReason.NOT_FOUND, "the account was not found in the directory");
    }

    /** The directory user; unknown with reason {@code not-found} when the directory has no such user. */
    public Fact<DirectoryUser> user() {
        if (!account.user().isKnown()) {
            return Fact.unknown(account.user().missing().orElseThrow());
        }
        return account.user().value().<Fact<DirectoryUser>>map(Fact::known).orElseGet(() -> Fact.unknown(notFound()));
    }

    /** True when the directory was read and has no such user (BG-001 FAIL). */
    public boolean accountNotFound() {
        return account.user().isKnown() && account.user().value().isEmpty();
    }

    /** The user's object id: from the directory when read, else from the inventory (may be null). */
    public String userId() {
        return user().asOptional().map(DirectoryUser::id).orElse(account.ref().objectId());
    }

    /** Template ids of the user's active role assignments, direct or through a group. */
    public Fact<Set<String>> activeRoleTemplateIds() {
        return account.activeRoleAssignments()
                .map(list -> list.stream().map(RoleAssignment::roleTemplateId).collect(Collectors.toSet()));
    }

    /** The registered methods of one kind. */
    public Fact<List<AuthenticationMethod>> methodsOf(MethodKind kind) {
        return account.methods().map(list -> list.stream().filter(m -> m.kind() == kind).toList());
    }

    /** The FIDO2 conditions of rules.md for this account under the given FIDO2 policy. */
    public Fido2Eligibility fido2Eligibility(Fido2Policy policy) {
        return new Fido2Eligibility(policy, userId(), account.transitiveGroupIds(), settings.allowSyncedPasskeys(),
                aaguids);
    }

    /** How a FIDO2 key appears in evidence: id, name, AAGUID with its model, passkey type, attestation. */
    public Map<String, Object> keyEvidence(AuthenticationMethod key) {
        return Evidence.entry("id", key.id(), "name", key.displayName(), "aaGuid", key.aaGuid(), "model",
                aaguids.modelOf(key), "passkeyType", key.passkeyType(), "attestationLevel", key.attestationLevel());
    }

    /** The start of the drill interval counted back from now. */
    public Instant drillWindowStart() {
        return now.minus(Duration.ofDays(settings.drillIntervalDays()));
    }
}
