package io.glasswarden.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The console session cookie's token, to be turned into the identity of the key that opened the session. */
public class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    ConsoleSessionRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ConsoleSessionRequest[token=***]";
    }
}
