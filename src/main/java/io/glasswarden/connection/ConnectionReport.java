package io.glasswarden.connection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/tenants/{tenantId}/connection} (api.md "Connection check"): whether Glasswarden can
 * read the tenant and what it lacks, and the admin-consent URL. {@code nextSteps} lists what to do, in order.
 */
public record ConnectionReport(String tenantId, String cloud, String directory, Instant checkedAt, Token token,
        Permissions permissions, Licences licences, String adminConsentUrl, int graphRequests,
        List<String> nextSteps) {

    /**
     * {@code status}: {@code OK}, {@code FAILED}, {@code NOT_CONFIGURED} or {@code NOT_APPLICABLE}; on failure the
     * {@code AADSTS} code, the OAuth error, the reason in words and the ids Microsoft support asks for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Token(String status, String code, String error, String reason, String traceId,
            String correlationId) {
    }

    /**
     * {@code granted}: the application permissions of the token ({@code roles} claim); {@code missing}: each required
     * permission not granted with the rules it degrades; both null when they cannot be known ({@code detail} says
     * why). {@code required} is the set to grant.
     */
    public record Permissions(List<String> required, List<String> granted, List<Missing> missing, String detail) {
    }

    /** A permission to grant, the rules that stay UNKNOWN without it, and the effect in words. */
    public record Missing(String permission, List<String> rules, String effect, boolean optional) {
    }

    /** Entra ID P1 and P2 from the tenant's subscribed SKUs; null when unknown ({@code detail} says why). */
    public record Licences(Boolean entraIdP1, Boolean entraIdP2, String detail) {
    }
}
