package io.glasswarden.security;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, in the product's terms: a name for the ledger and, for custodians, the e-mail address that decides
 * which accounts they may see. Authentication mechanisms put the e-mail in the {@link #EMAIL_ATTRIBUTE} attribute.
 * Outside a request (scheduled jobs, start-up imports) the caller is the service itself: {@value #SYSTEM}, with no
 * role restrictions of its own.
 */
@ApplicationScoped
public class Caller {

    /** The name recorded for changes the service makes by itself. */
    public static final String SYSTEM = "system";

    /** SecurityIdentity attribute holding the caller's e-mail address (lower case). */
    public static final String EMAIL_ATTRIBUTE = "glasswarden.email";

    /**
     * SecurityIdentity attribute of OIDC callers: {@code <tid>/<oid>} of their token (lower case), or absent when the
     * token lacks either claim. Set by {@link OidcCallerAugmentor}.
     */
    public static final String ENTRA_ID_ATTRIBUTE = "glasswarden.entra-id";

    /** SecurityIdentity attribute marking callers authenticated by an OIDC token (value {@code true}). */
    public static final String OIDC_ATTRIBUTE = "glasswarden.oidc";

    /** Prefix of custodian keys of OIDC callers: {@code entra:<tid>/<oid>}. */
    public static final String ENTRA_KEY_PREFIX = "entra:";

    private final SecurityIdentity identity;

    @Inject
    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** A stable, secret-free name for audit records (API key name or token subject/username). */
    public String name() {
        if (!inRequest()) {
            return SYSTEM;
        }
        // Every API path needs an authenticated caller and the public attestation form names its signer itself, so an
        // anonymous identity is the service's own work in a request context (start-up imports, scheduled jobs).
        return identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return inRequest() && identity.hasRole(role);
    }

    /** True when the caller may only see the accounts it is custodian of. */
    public boolean isCustodianOnly() {
        return inRequest() && identity.hasRole(Roles.CUSTODIAN) && !identity.hasRole(Roles.AUDITOR);
    }

    public Optional<String> email() {
        if (!inRequest()) {
            return Optional.empty();
        }
        Object email = identity.getAttribute(EMAIL_ATTRIBUTE);
        return email == null ? Optional.empty() : Optional.of(email.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * What decides which accounts a custodian may see. For OIDC callers: {@code entra:<tid>/<oid>} from the token's
     * immutable object and tenant ids, matched against the custodian's {@code entraObjectId}/{@code entraTenantId};
     * never the {@code email}, {@code preferred_username} or {@code upn} claims, which users or admins can change and
     * which Microsoft says not to authorize on ("Secure applications and APIs by validating claims",
     * https://learn.microsoft.com/entra/identity-platform/claims-validation). Empty when the token lacks either claim.
     * For API keys: the e-mail an admin bound to the key.
     */
    public Optional<String> custodianKey() {
        if (!inRequest() || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(identity.getAttribute(OIDC_ATTRIBUTE))) {
            Object entraId = identity.getAttribute(ENTRA_ID_ATTRIBUTE);
            return entraId == null ? Optional.empty() : Optional.of(ENTRA_KEY_PREFIX + entraId);
        }
        return email();
    }

    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
