package io.glasswarden.directory;

/**
 * Whether the directory issued Glasswarden a token for the tenant. On failure {@code code} is Entra's {@code AADSTS}
 * code (e.g. {@code AADSTS700016}), {@code error} the OAuth error ({@code invalid_client}), {@code reason} a sentence
 * saying what it means and what to do, and {@code traceId}/{@code correlationId} the identifiers Microsoft support asks
 * for. Never a secret, an assertion or Microsoft's own description (it names the tenant and app, and may change).
 */
public record TokenStatus(State state, String code, String error, String reason, String traceId,
        String correlationId) {

    /** {@code OK}: a token was issued; {@code FAILED}: Entra refused or could not be reached. */
    public enum State {
        OK, FAILED, NOT_CONFIGURED, NOT_APPLICABLE
    }

    public static TokenStatus ok() {
        return new TokenStatus(State.OK, null, null, null, null, null);
    }

    public static TokenStatus of(State state, String reason) {
        return new TokenStatus(state, null, null, reason, null, null);
    }

    public boolean isOk() {
        return state == State.OK;
    }
}
