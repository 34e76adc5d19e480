package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.instant;
import static io.glasswarden.directory.graph.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.RoleAssignment;
import io.glasswarden.directory.RoleSchedule;

/** Maps role assignments and PIM schedule instances; for built-in roles {@code roleDefinitionId} is the template id. */
final class RoleMapper {

    private RoleMapper() {
    }

    static RoleAssignment assignment(JsonNode a, String userId) {
        String principal = text(a, "principalId");
        return new RoleAssignment(text(a, "id"), text(a, "roleDefinitionId"), text(a, "directoryScopeId"), principal,
                !userId.equalsIgnoreCase(String.valueOf(principal)));
    }

    static RoleSchedule schedule(JsonNode s) {
        return new RoleSchedule(text(s, "roleDefinitionId"), text(s, "directoryScopeId"), text(s, "principalId"),
                text(s, "memberType"), text(s, "assignmentType"), instant(s, "startDateTime"),
                instant(s, "endDateTime"));
    }
}
