package io.glasswarden.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns an API key (or the bootstrap key) into an identity: the key's name, its one role, a custodian's e-mail. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** SecurityIdentity attribute holding the id of the API key used (absent for the bootstrap key and OIDC). */
    public static final String API_KEY_ID_ATTRIBUTE = "glasswarden.api-key-id";

    private final BootstrapKey bootstrapKey;
    private final ApiKeyVerifier verifier;

    ApiKeyIdentityProvider(BootstrapKey bootstrapKey, ApiKeyVerifier verifier) {
        this.bootstrapKey = bootstrapKey;
        this.verifier = verifier;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (bootstrapKey.matches(request.token())) {
            return Uni.createFrom().item(bootstrapIdentity());
        }
        if (!ApiKeySecret.isWellFormed(request.token())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed API key"));
        }
        return context.runBlocking(() -> verifier.verify(request.token())
                .map(ApiKeyIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API key")));
    }

    static SecurityIdentity bootstrapIdentity() {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(BootstrapKey.PRINCIPAL_NAME))
                .addRole(Roles.ADMIN)
                .build();
    }

    static SecurityIdentity identityOf(ApiKeyVerifier.VerifiedKey key) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.name()))
                .addRole(key.role())
                .addAttribute(API_KEY_ID_ATTRIBUTE, key.id().toString());
        if (key.email() != null) {
            identity.addAttribute(Caller.EMAIL_ATTRIBUTE, key.email());
        }
        return identity.build();
    }
}
