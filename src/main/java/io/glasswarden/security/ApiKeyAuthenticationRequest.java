package io.glasswarden.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that is an API key or the bootstrap key. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    ApiKeyAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest";
    }
}
