package io.glasswarden.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives OIDC callers their e-mail ({@link Caller#EMAIL_ATTRIBUTE}): the {@code email} claim, else
 * {@code preferred_username}, else {@code upn}. Entra ID access tokens often lack {@code email}; {@code upn} and
 * {@code preferred_username} carry the sign-in name, which is the user's address in most tenants.
 */
@ApplicationScoped
public class OidcCallerAugmentor implements SecurityIdentityAugmentor {

    static final List<String> EMAIL_CLAIMS = List.of("email", "preferred_username", "upn");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || identity.getAttribute(Caller.EMAIL_ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        String email = emailOf(token);
        if (email == null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity).addAttribute(Caller.EMAIL_ATTRIBUTE, email).build());
    }

    static String emailOf(JsonWebToken token) {
        for (String claim : EMAIL_CLAIMS) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().trim();
            }
        }
        return null;
    }
}
