package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.bool;
import static io.glasswarden.directory.graph.JsonFields.instant;
import static io.glasswarden.directory.graph.JsonFields.integer;
import static io.glasswarden.directory.graph.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.SignIn;

/** Maps {@code /auditLogs/signIns} entries. */
final class SignInMapper {

    private SignInMapper() {
    }

    static SignIn signIn(JsonNode s) {
        JsonNode status = s.path("status");
        Integer errorCode = integer(status, "errorCode");
        return new SignIn(text(s, "id"), text(s, "userId"), text(s, "userPrincipalName"),
                instant(s, "createdDateTime"), errorCode == null ? -1 : errorCode, text(status, "failureReason"),
                bool(s, "isInteractive"), text(s, "appDisplayName"), text(s, "ipAddress"));
    }
}
