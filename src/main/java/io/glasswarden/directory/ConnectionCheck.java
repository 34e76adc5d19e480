package io.glasswarden.directory;

import java.util.List;

/**
 * What the directory says about Glasswarden's access to a tenant, without reading any account: the token status, the
 * application permissions the token carries ({@code grantedPermissions}, null when they cannot be known: no token, or a
 * token that is not a readable JWT), the tenant's Entra ID licences, and the URL an administrator of the tenant opens
 * to grant admin consent (null when it does not apply). {@code requests} counts the HTTP requests sent to the
 * directory (token requests excluded).
 */
public record ConnectionCheck(TokenStatus token, List<String> grantedPermissions, Fact<EntraLicences> licences,
        String adminConsentUrl, int requests) {

    public ConnectionCheck {
        grantedPermissions = grantedPermissions == null ? null : List.copyOf(grantedPermissions);
    }

    /** For directories that do not connect to anything (e.g. an uploaded snapshot). */
    public static ConnectionCheck notApplicable(String reason) {
        return new ConnectionCheck(TokenStatus.of(TokenStatus.State.NOT_APPLICABLE, reason), null,
                Fact.unknown(DataGap.of("licences", UnknownReason.NOT_FOUND, reason)), null, 0);
    }
}
