package io.glasswarden.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person who keeps an emergency account's credentials and is reminded of drills and attestations. */
public record Custodian(
        @NotBlank @Size(max = 256) String name,
        @NotBlank @Email(regexp = Custodian.EMAIL_REGEX, message = "must be an e-mail address") @Size(max = 320) String email) {

    /** Stricter than Bean Validation's default: a domain with a dot, no spaces. */
    static final String EMAIL_REGEX = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    Custodian normalized() {
        return new Custodian(name.trim(), email.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
