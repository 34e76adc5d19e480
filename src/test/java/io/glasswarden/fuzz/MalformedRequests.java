package io.glasswarden.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glasswarden.fuzz.OpenApiOperations.Operation;
import io.glasswarden.fuzz.OpenApiOperations.Parameter;

/**
 * Generates malformed requests for an OpenAPI operation from one seeded {@link Random}: a body built from the
 * operation's schema and then broken (wrong types, out-of-range numbers, NUL and lone surrogates, huge strings and
 * arrays, deep nesting, unknown and missing properties, merge-patch oddities, bytes that are not JSON or not UTF-8),
 * wrong media types, {@code If-Match} garbage, query parameters out of range (page overflow) or undecodable, and
 * malformed path ids. Same seed, same fixtures: same requests.
 */
final class MalformedRequests {

    /** A request to send, with what was done to it (for the report and to reproduce it). */
    record Request(int index, Operation operation, String role, String mutation, String method, String uri,
            Map<String, String> headers, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + index + " " + operation.id() + " as " + role + " [" + mutation + "] " + method + " "
                    + abbreviate(uri, 300) + " headers=" + headers.keySet() + " body("
                    + (body == null ? 0 : body.length)
                    + ")=" + text.replace("\u0000", "\\0").replace("\n", "\\n");
        }
    }

    /**
     * Valid values for path parameters (ids of fixtures) by the segment before them and their name, e.g.
     * {@code tenants/tenantId} or {@code webhooks/id}, so that a request gets past the lookup.
     */
    record Fixtures(Map<String, List<String>> pathValues) {
    }

    static final List<String> ROLES = List.of("admin", "operator", "auditor", "custodian", "none");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // lone surrogates travel as \\ud800 escapes
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings that break something somewhere: NUL, lone surrogates, control characters, injection, huge, dates. */
    private static final List<Supplier<String>> EVIL_STRINGS = List.of(
            () -> "\u0000", () -> "a\u0000b", () -> "\uD800", () -> "x\uDC00", () -> "\uDBFF\uDBFF", () -> "\uFFFF",
            () -> "\uFEFFbom", () -> "🔑‮rtl", () -> "", () -> " ", () -> "\t\r\n", () -> "' OR 1=1 --",
            () -> "<script>alert(1)</script>", () -> "${jndi:ldap://x/a}", () -> "%00", () -> "../../etc/passwd",
            () -> "=cmd|' /C calc'!A0", () -> "a".repeat(257), () -> "é".repeat(5000), () -> "x".repeat(200_000),
            () -> "2026-13-45T25:61:61Z", () -> "+294277-01-01T00:00:00Z", () -> "-999999999-01-01T00:00:00Z",
            () -> "+1000000000-12-31T23:59:59Z", () -> "0000-01-01T00:00:00Z", () -> "9999-12-31T23:59:59.999999999Z",
            () -> "1970-01-01T00:00:00Z", () -> "2026-02-30", () -> "0 0 0 30 2 ?", () -> "* * * * * ? 1999",
            () -> "not-a-uuid", () -> "00000000-0000-0000-0000-000000000000",
            () -> "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
            () -> "glasswarden.admin", () -> "@", () -> "a@b", () -> "NaN", () -> "-1", () -> "1e999");

    private static final List<String> EVIL_NUMBERS = List.of("-1", "0", "2147483647", "2147483648", "-2147483649",
            "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1.5", "-0.0", "4.9e-324",
            "123456789012345678901234567890");

    private static final List<String> PAGE_VALUES = List.of(String.valueOf(Integer.MAX_VALUE), "21474837", "21474836",
            "-1", "-2147483648", "99999999999999999999", "1e3", "0x10", "", " ", "%00", "1%00", "%zz", "%", "101",
            "0", "abc", "١", "+5", "5.0");

    private static final List<String> PATH_VALUES = List.of("not-a-uuid", "%00", "a%00b", "%zz", "%",
            "00000000-0000-0000-0000-000000000000", "..", "%2e%2e", "a%2Fb", "%F0%9F%94%91", "%ED%A0%80", "%C0%AF",
            "null", "0", "-1", "99999999999999999999", "%20", "x".repeat(3000), "'", "%27%20OR%201=1");

    private static final List<String> IF_MATCH = List.of("*", "\"\"", "W/\"1\"", "\"1\"", "\"-1\"",
            "\"99999999999999999999999\"", "garbage", "\"a\", \"b\"", "W/", "\"" + "9".repeat(5000) + "\"", "\"🔑\"",
            "\"0\"", ",,,", "\"\\\"\"");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/json; charset=utf-16", "application/json; charset=nonexistent-charset",
            "application/merge-patch+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "garbage", "*/*", "application/json; charset=\"", "application/vnd.glasswarden+json", "text/csv");

    private static final List<String> ACCEPTS = List.of("application/xml", "text/csv", "text/html",
            "application/problem+json", "*/*;q=garbage", "image/png", "application/json;q=0", "text/*");

    private final Random random;
    private final OpenApiOperations api;
    private final Fixtures fixtures;
    private int index;

    MalformedRequests(long seed, OpenApiOperations api, Fixtures fixtures) {
        this.random = new Random(seed);
        this.api = api;
        this.fixtures = fixtures;
    }

    Request next(Operation operation) {
        int i = index++;
        String role = pick(ROLES);
        List<String> mutations = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();

        String path = operation.path();
        for (Parameter p : operation.parameters()) {
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", pathValue(operation, p, mutations));
            }
        }
        StringBuilder query = new StringBuilder();
        for (Parameter p : operation.parameters()) {
            if (p.in().equals("query") && chance(0.6)) {
                String value = queryValue(p, mutations);
                query.append(query.isEmpty() ? '?' : '&').append(encode(p.name())).append('=').append(value);
            } else if (p.in().equals("header") && p.name().equalsIgnoreCase("If-Match") && chance(0.8)) {
                headers.put("If-Match", pick(IF_MATCH));
                mutations.add("if-match");
            }
        }
        if (chance(0.05)) {
            query.append(query.isEmpty() ? '?' : '&')
                    .append(pick(List.of("unknown=1", "page=1&page=2", "%zz=1",
                            "a=%", "size=%00", "=", "&&&", "x=" + "y".repeat(2000))));
            mutations.add("extra-query");
        }

        byte[] body = null;
        if (!operation.bodyTypes().isEmpty() || chance(0.05)) {
            String contentType = operation.bodyTypes().isEmpty() ? "application/json" : pick(operation.bodyTypes());
            if (chance(0.1)) {
                contentType = pick(CONTENT_TYPES);
                mutations.add("content-type");
            }
            if (!(chance(0.03) && mutations.add("no-content-type"))) {
                headers.put("Content-Type", contentType);
            }
            body = contentType.contains("form-urlencoded") ? formBody(mutations) : jsonBody(operation, mutations);
        }
        if (chance(0.05)) {
            headers.put("Accept", pick(ACCEPTS));
            mutations.add("accept");
        }
        if (mutations.isEmpty()) {
            mutations.add("valid");
        }
        return new Request(i, operation, role, String.join("+", mutations), operation.method(), path + query, headers,
                body);
    }

    // ---------------------------------------------------------------------------------------------------- path/query

    /** "tenants" for {tenantId} in /api/v1/tenants/{tenantId}: path parameters are named by what precedes them. */
    static String segmentBefore(String path, String name) {
        String before = path.substring(0, path.indexOf("{" + name + "}") - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private String pathValue(Operation operation, Parameter p, List<String> mutations) {
        List<String> valid = fixtures.pathValues().get(segmentBefore(operation.path(), p.name()) + "/" + p.name());
        if (valid != null && !valid.isEmpty() && chance(0.75)) {
            String value = pick(valid);
            if (chance(0.05)) {
                mutations.add("path-case");
                return value.toUpperCase(java.util.Locale.ROOT);
            }
            return value;
        }
        mutations.add("path-id");
        return chance(0.3) ? UUID.nameUUIDFromBytes(longBytes()).toString() : encodeKeepingEscapes(pick(PATH_VALUES));
    }

    private String queryValue(Parameter p, List<String> mutations) {
        if (p.name().equals("page") || p.name().equals("size")) {
            mutations.add("page");
            return chance(0.2) ? String.valueOf(random.nextInt(3)) : encodeKeepingEscapes(pick(PAGE_VALUES));
        }
        JsonNode schema = api.resolve(p.schema());
        if (chance(0.5) && schema.has("enum")) {
            return encode(pick(list(schema.get("enum"))));
        }
        mutations.add("query");
        return encode(pick(EVIL_STRINGS).get());
    }

    // ---------------------------------------------------------------------------------------------------------- body

    private byte[] formBody(List<String> mutations) {
        mutations.add("form");
        List<String> parts = new ArrayList<>();
        parts.add("csrf=" + pick(List.of("x", "%zz", "", "%00")));
        parts.add("kind=" + pick(List.of("CUSTODY", "DRILL", "ROSTER", "custody", "%00", "X")));
        parts.add("statement=" + pick(List.of("in+safe", "%00", "50%25%zz", "%", "%e", "%ED%A0%80", "a".repeat(5000),
                "%F0%9F%94%91")));
        if (chance(0.3)) {
            parts.add("keysSighted=" + pick(List.of("key+A", "%00", "nope")));
        }
        if (chance(0.2)) {
            parts.add(pick(List.of("&&", "=", "%zz=%zz", "a", ";;")));
        }
        return String.join("&", parts).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] jsonBody(Operation operation, List<String> mutations) {
        int kind = random.nextInt(100);
        if (kind < 12) {
            mutations.add("raw");
            return rawBody();
        }
        JsonNode body = valid(operation.bodySchema(), 0);
        if (kind < 17) {
            return write(body); // as the schema says; may be accepted
        }
        if (!body.isObject() || kind < 22) {
            mutations.add("shape");
            return write(pick(List.of(NODES.arrayNode().add(body), NODES.nullNode(), NODES.textNode("x"),
                    NODES.numberNode(1), NODES.objectNode(), NODES.booleanNode(true))));
        }
        ObjectNode object = (ObjectNode) body;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            mutate(object, operation, mutations, 0);
        }
        return write(object);
    }

    private void mutate(ObjectNode object, Operation operation, List<String> mutations, int depth) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        int kind = random.nextInt(100);
        if (names.isEmpty() || kind < 8) {
            mutations.add("unknown-property");
            object.set(pick(List.of("id", "lifecycleState", "createdAt", "version", "etag", "__proto__", "a\u0000",
                    "\uD800", "")), evilValue());
            return;
        }
        String name = pick(names);
        JsonNode value = object.get(name);
        if (value.isObject() && depth < 4 && chance(0.6)) {
            mutate((ObjectNode) value, operation, mutations, depth + 1);
            return;
        }
        if (value.isArray() && !value.isEmpty() && value.get(0).isObject() && chance(0.5)) {
            mutate((ObjectNode) value.get(0), operation, mutations, depth + 1);
            return;
        }
        if (kind < 16) {
            mutations.add("missing");
            object.remove(name);
        } else if (kind < 24) {
            mutations.add(operation.method().equals("PATCH") ? "merge-null" : "null");
            object.putNull(name);
        } else if (kind < 30) {
            mutations.add("huge-array");
            ArrayNode array = object.putArray(name);
            String text = pick(EVIL_STRINGS).get();
            JsonNode element = chance(0.5) || text.length() > 40 ? NODES.numberNode(1) : NODES.textNode(text);
            int size = 1000 + random.nextInt(20_000);
            for (int k = 0; k < size && k * 10 < 900_000; k++) {
                array.add(element);
            }
        } else if (kind < 35) {
            mutations.add("nesting");
            object.set(name, nested(10 + random.nextInt(60)));
        } else if (kind < 55) {
            mutations.add("evil-string");
            object.put(name, pick(EVIL_STRINGS).get());
        } else if (kind < 70) {
            mutations.add("evil-number");
            object.set(name, number(pick(EVIL_NUMBERS)));
        } else {
            mutations.add("wrong-type");
            object.set(name, evilValue());
        }
    }

    private JsonNode evilValue() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode(pick(EVIL_STRINGS).get());
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.arrayNode().add(NODES.textNode("\u0000")).add(NODES.nullNode());
            case 3 -> NODES.objectNode().put("x", "\uD800");
            case 4 -> NODES.nullNode();
            case 5 -> number(pick(EVIL_NUMBERS));
            default -> nested(5);
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int d = 0; d < depth; d++) {
            node = d % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    private byte[] rawBody() {
        String text = switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "{";
            case 3 -> "{\"a\":1,\"a\":2}";
            case 4 -> "[".repeat(5000) + "]".repeat(5000);
            case 5 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 6 -> "\uFEFF{}";
            case 7 -> "{} trailing";
            case 8 -> "1e99999999";
            case 9 -> "{\"displayName\":\"\\ud800\",\"x\":\"\\u0000\"}";
            case 10 -> "[" + "1,".repeat(100_000) + "1]";
            case 11 -> "{\"tenantId\": NaN}";
            case 12 -> "{'single': 'quotes'}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // not UTF-8: a CESU-8 surrogate, a lone continuation byte, an overlong slash, 0xFF
        return new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0x80,
                (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '"', '}'};
    }

    /** A body as the schema describes it: every property, values within their constraints. */
    private JsonNode valid(JsonNode raw, int depth) {
        JsonNode schema = api.resolve(raw);
        if (schema.isMissingNode() || depth > 6) {
            return NODES.objectNode();
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                return valid(pick(list2(schema.get(combinator))), depth + 1);
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (!property.getValue().path("readOnly").asBoolean(false)) {
                        object.set(property.getKey(), valid(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(valid(schema.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(Math.max(schema.path("minimum").asInt(1), 1));
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.textNode(validString(schema));
        };
    }

    private String validString(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        if (format.equals("uuid") || pattern.contains("{8}")) {
            return UUID.nameUUIDFromBytes(longBytes()).toString();
        }
        if (format.equals("date-time")) {
            return "2026-11-0" + (1 + random.nextInt(9)) + "T10:00:00Z";
        }
        if (format.equals("date")) {
            return "2026-11-01";
        }
        if (format.equals("email") || pattern.contains("@")) {
            return "fuzz" + random.nextInt(5) + "@contoso.com";
        }
        if (format.equals("uri") || format.equals("url")) {
            return "https://hooks.example.test/fuzz";
        }
        return "fuzz " + random.nextInt(1000);
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    private static JsonNode number(String literal) {
        try {
            return JSON.readTree(literal);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] longBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<JsonNode> list2(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }

    /** Percent-encodes a value for a URI, keeping NUL and lone surrogates visible to the server (%00, %3F). */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /**
     * Percent-encodes what a request line cannot carry (spaces, non-ASCII) but keeps the value's own escapes, valid or
     * malformed ({@code %00}, {@code %zz}): those are what the server must cope with.
     */
    static String encodeKeepingEscapes(String value) {
        StringBuilder encoded = new StringBuilder();
        value.codePoints()
                .forEach(c -> encoded.append(c == '%' || c == '+'
                        ? String.valueOf((char) c)
                        : encode(new String(Character.toChars(c)))));
        return encoded.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
