package io.glasswarden.directory.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application permissions an app-only access token carries: its {@code roles} claim ("Microsoft identity platform
 * access token claims reference", https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference:
 * for app-only tokens the granted application permissions appear in {@code roles}, in place of {@code scp}). A token
 * with no permission granted has no {@code roles} claim at all, so an absent claim means none.
 * <p>
 * The payload is decoded, not verified: the token was just issued to Glasswarden by Entra over TLS and only describes
 * itself here; nothing is authorised with the result. Microsoft reserves the right to change the format of tokens for
 * its own APIs; a token that is not a readable JWT gives null (unknown), never "no permissions".
 */
final class AccessTokenRoles {

    private AccessTokenRoles() {
    }

    /** The granted permissions, sorted; empty when none; null when the token cannot be read. */
    static List<String> of(String accessToken) {
        if (accessToken == null) {
            return null;
        }
        String[] parts = accessToken.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode payload = GraphTransport.JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (payload == null || !payload.isObject()) {
                return null;
            }
            JsonNode roles = payload.path("roles");
            List<String> out = new ArrayList<>();
            if (roles.isArray()) {
                roles.forEach(r -> {
                    if (r.isTextual()) {
                        out.add(r.asText());
                    }
                });
            } else if (!roles.isMissingNode() && !roles.isNull()) {
                return null;
            }
            return out.stream().distinct().sorted().toList();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
