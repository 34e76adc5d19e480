package io.glasswarden.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A live console session is the identity of the key that opened it: same name, role and custodian e-mail. */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    private final ConsoleSessions sessions;

    ConsoleSessionIdentityProvider(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.keyOf(request.token())
                .map(session -> session.key() == null
                        ? ApiKeyIdentityProvider.bootstrapIdentity()
                        : ApiKeyIdentityProvider.identityOf(session.key()))
                .orElseThrow(() -> new AuthenticationFailedException("Console session ended")));
    }
}
