package io.glasswarden.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer gwk_...} (and the bootstrap key). Runs before OIDC and leaves every other bearer
 * token to it: returning no identity passes the request on to the next mechanism.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    // Above OIDC's mechanism (DEFAULT_PRIORITY + 1), so that an API key is never sent to the OIDC issuer's checks.
    static final int PRIORITY = DEFAULT_PRIORITY + 100;
    private static final String BEARER = "bearer ";

    private final BootstrapKey bootstrapKey;

    ApiKeyAuthenticationMechanism(BootstrapKey bootstrapKey) {
        this.bootstrapKey = bootstrapKey;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || !(ApiKeySecret.isApiKey(token) || bootstrapKey.matches(token))) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
