package io.glasswarden.accounts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.glasswarden.core.Guids;

/**
 * The updatable part of an emergency account: the body of a create, or of a merge patch applied to the current state.
 * At least one of {@code userPrincipalName} and {@code objectId} is required (checked by the service).
 */
public record AccountChanges(
        @Pattern(regexp = AccountChanges.UPN_REGEX, message = "must be a user principal name (name@domain)") @Size(max = 320) String userPrincipalName,
        @Pattern(regexp = Guids.REGEX, message = "must be an Entra object id (GUID)") String objectId,
        @Size(max = 256) String displayName,
        Boolean expectsCertificateAuth,
        @Size(max = 20) List<@NotNull @Valid Custodian> custodians,
        @Size(max = 20) List<@NotNull @Valid PhysicalKey> keys,
        @Size(max = 4000) String notes) {

    /** Entra UPNs: a local part without @ or spaces, and a domain with at least one dot. */
    static final String UPN_REGEX = io.glasswarden.core.Upns.REGEX;

    static AccountChanges of(EmergencyAccount account) {
        return new AccountChanges(account.userPrincipalName(), account.objectId(), account.displayName(),
                account.expectsCertificateAuth(), account.custodians(), account.keys(), account.notes());
    }
}
