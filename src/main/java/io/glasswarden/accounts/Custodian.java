package io.glasswarden.accounts;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.glasswarden.core.Guids;

/**
 * A person who keeps an emergency account's credentials and is reminded of drills and attestations. A custodian who
 * signs in to the API with Entra ID (OIDC) is recognised by {@code entraObjectId} and {@code entraTenantId} only (the
 * token's immutable {@code oid} and {@code tid}), never by e-mail-like claims; operators set both, or neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Custodian(
        @NotBlank @Size(max = 256) String name,
        @NotBlank @Email(regexp = Custodian.EMAIL_REGEX, message = "must be an e-mail address") @Size(max = 320) String email,
        @Pattern(regexp = Guids.REGEX, message = "must be the user's Entra object id (a GUID)") String entraObjectId,
        @Pattern(regexp = Guids.REGEX, message = "must be the user's Entra tenant id (a GUID)") String entraTenantId) {

    /** Stricter than Bean Validation's default: a domain with a dot, no spaces. */
    static final String EMAIL_REGEX = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    public Custodian(String name, String email) {
        this(name, email, null, null);
    }

    Custodian normalized() {
        return new Custodian(name.trim(), email.trim().toLowerCase(Locale.ROOT), Guids.normalize(entraObjectId),
                Guids.normalize(entraTenantId));
    }

    /** {@code <tid>/<oid>} in lower case when both are set, else null: what an OIDC caller is matched on. */
    String entraId() {
        return entraObjectId == null || entraTenantId == null
                ? null
                : Guids.normalize(entraTenantId) + "/" + Guids.normalize(entraObjectId);
    }
}
