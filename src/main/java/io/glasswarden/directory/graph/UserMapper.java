package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.bool;
import static io.glasswarden.directory.graph.JsonFields.instant;
import static io.glasswarden.directory.graph.JsonFields.strings;
import static io.glasswarden.directory.graph.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.SignInActivity;

/** Maps {@code /users/{id}} and its {@code signInActivity}. */
final class UserMapper {

    static final String USER_SELECT = "id,userPrincipalName,displayName,accountEnabled,onPremisesSyncEnabled,"
            + "userType,createdDateTime,authorizationInfo";
    // signInActivity is read separately: without P1 it fails, and it must not take the user read down with it
    static final String ACTIVITY_SELECT = "id,signInActivity";

    private UserMapper() {
    }

    static DirectoryUser user(JsonNode body) {
        return new DirectoryUser(text(body, "id"), text(body, "userPrincipalName"), text(body, "displayName"),
                bool(body, "accountEnabled"), bool(body, "onPremisesSyncEnabled"), text(body, "userType"),
                instant(body, "createdDateTime"), strings(body.path("authorizationInfo"), "certificateUserIds"));
    }

    /** Absent {@code signInActivity} (never signed in, or not since April 2020) reads as all-null. */
    static SignInActivity activity(JsonNode body) {
        JsonNode a = body.path("signInActivity");
        return new SignInActivity(instant(a, "lastSignInDateTime"), instant(a, "lastSuccessfulSignInDateTime"),
                instant(a, "lastNonInteractiveSignInDateTime"));
    }
}
