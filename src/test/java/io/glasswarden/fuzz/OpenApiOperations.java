package io.glasswarden.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The operations of the service's own OpenAPI document ({@code /q/openapi}), as the fuzzer needs them: method, path
 * template, parameters and the media types and schema of the request body.
 */
record OpenApiOperations(JsonNode document, List<Operation> operations) {

    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, List<String> bodyTypes,
            JsonNode bodySchema) {

        String id() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    static OpenApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(document, operation.path("parameters")));
                JsonNode content = resolve(document, operation.path("requestBody")).path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                JsonNode schema = types.isEmpty()
                        ? MissingNode.getInstance()
                        : resolve(document, content.path(types.get(0)).path("schema"));
                operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path.getKey(), parameters,
                        types, schema));
            }
        }
        return new OpenApiOperations(document, List.copyOf(operations));
    }

    /** The schema or parameter a {@code $ref} points to (one level; callers resolve again when they descend). */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    JsonNode resolve(JsonNode node) {
        return resolve(document, node);
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = resolve(document, raw);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("schema"), p.path(
                    "required").asBoolean(false)));
        }
        return parameters;
    }
}
