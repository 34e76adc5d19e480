package io.glasswarden.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.glasswarden.core.Guids;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Marks OIDC callers ({@link Caller#OIDC_ATTRIBUTE}) and gives them:
 * <ul>
 * <li>their Entra identity ({@link Caller#ENTRA_ID_ATTRIBUTE}, {@code <tid>/<oid>}): the token's {@code oid} (the
 * user's object id, immutable, the same in every application) and {@code tid} (the tenant that issued it), both GUIDs.
 * Microsoft: "use the oid and tid claims together as the unique key" and do not authorize on e-mail or names
 * (https://learn.microsoft.com/entra/identity-platform/claims-validation,
 * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference). Custodians are matched on it.</li>
 * <li>an e-mail for display ({@link Caller#EMAIL_ATTRIBUTE}): the {@code email} claim, else
 * {@code preferred_username}, else {@code upn}. It authorizes nothing for OIDC callers.</li>
 * </ul>
 */
@ApplicationScoped
public class OidcCallerAugmentor implements SecurityIdentityAugmentor {

    static final List<String> EMAIL_CLAIMS = List.of("email", "preferred_username", "upn");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || identity.getAttribute(Caller.OIDC_ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.OIDC_ATTRIBUTE, Boolean.TRUE);
        String email = emailOf(token);
        if (email != null && identity.getAttribute(Caller.EMAIL_ATTRIBUTE) == null) {
            builder.addAttribute(Caller.EMAIL_ATTRIBUTE, email);
        }
        String entraId = entraIdOf(token);
        if (entraId != null) {
            builder.addAttribute(Caller.ENTRA_ID_ATTRIBUTE, entraId);
        }
        return Uni.createFrom().item(builder.build());
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

    /** {@code <tid>/<oid>} in lower case, or null unless both claims are GUIDs. */
    static String entraIdOf(JsonWebToken token) {
        Object oid = token.getClaim("oid");
        Object tid = token.getClaim("tid");
        if (oid == null || tid == null || !Guids.isGuid(oid.toString()) || !Guids.isGuid(tid.toString())) {
            return null;
        }
        return Guids.normalize(tid.toString()) + "/" + Guids.normalize(oid.toString());
    }
}
