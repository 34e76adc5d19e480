package io.glasswarden.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Field names for problem details, in the client's JSON terms ({@code custodians[0].email}), never Java's. */
public final class JsonPaths {

    private static final Set<ElementKind> SKIPPED = EnumSet.of(ElementKind.METHOD, ElementKind.PARAMETER,
            ElementKind.CROSS_PARAMETER, ElementKind.RETURN_VALUE);

    private JsonPaths() {
    }

    public static String of(List<JsonMappingException.Reference> path) {
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
     * A Bean Validation path in JSON terms: resource-method and parameter nodes ({@code create.request}) are dropped,
     * container elements keep their index ({@code custodians[0].email}).
     */
    public static String of(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (SKIPPED.contains(node.getKind())) {
                continue;
            }
            // Bean Validation puts an element's index on the node after the iterable: custodians, [0]email.
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
