package io.glasswarden.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.glasswarden.core.FieldError;
import io.glasswarden.core.StorableInput;

/**
 * Path and query parameters obey {@link StorableInput} like JSON bodies: a NUL character ({@code %00}) anywhere in the
 * decoded path or query is a 400 naming the parameter, before any resource looks it up in PostgreSQL; a percent-escape
 * that cannot be decoded is a malformed request.
 */
public class UriInputFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorable(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String field;
        try {
            field = unstorable(uri);
        } catch (IllegalArgumentException e) {
            return ProblemMapper.respond(ProblemType.MALFORMED_REQUEST, "The URI has a malformed percent-escape.",
                    null, null);
        }
        if (field == null) {
            return null;
        }
        String problem = "contains a character that cannot be stored (NUL)";
        return ProblemMapper.respond(ProblemType.VALIDATION, field + ": " + problem + ".", null,
                List.of(new FieldError(field, problem)));
    }

    private static String unstorable(UriInfo uri) {
        if (StorableInput.textProblem(uri.getPath(true)) != null) {
            return "path";
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            if (StorableInput.textProblem(parameter.getKey()) != null) {
                return "query";
            }
            if (parameter.getValue().stream().anyMatch(v -> StorableInput.textProblem(v) != null)) {
                return parameter.getKey();
            }
        }
        return null;
    }
}
