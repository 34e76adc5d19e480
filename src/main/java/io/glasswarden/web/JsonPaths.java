package io.glasswarden.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Field names for problem details, in the client's JSON terms ({@code custodians[0].email}), never Java's. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * Bean Validation paths of resource parameters look like {@code create.request.custodians[0].email}: drop the
     * method and parameter names.
     */
    static String ofPropertyPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 2 && !parts[0].contains("[")) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return path;
    }
}
