package io.glasswarden.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Admin implies operator, operator implies auditor; custodian stands apart. Endpoints therefore name the weakest role
 * that may call them, whatever mechanism (API key or OIDC) produced the identity.
 */
@ApplicationScoped
public class RoleHierarchyAugmentor implements SecurityIdentityAugmentor {

    private static final Map<String, Set<String>> IMPLIED = Map.of(
            Roles.ADMIN, Set.of(Roles.OPERATOR, Roles.AUDITOR),
            Roles.OPERATOR, Set.of(Roles.AUDITOR));

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> implied = impliedBy(identity.getRoles());
        implied.removeAll(identity.getRoles());
        if (implied.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(implied).build());
    }

    static Set<String> impliedBy(Set<String> roles) {
        Set<String> implied = new HashSet<>();
        for (String role : roles) {
            implied.addAll(IMPLIED.getOrDefault(role, Set.of()));
        }
        return implied;
    }
}
