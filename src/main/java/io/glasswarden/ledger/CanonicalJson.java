package io.glasswarden.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The canonical JSON text that the ledger hashes (docs/ledger.md): object keys sorted by Unicode code point, no
 * whitespace, strings as UTF-8 with only {@code "}, {@code \} and control characters escaped ({@code \b \t \n \f \r},
 * others as lower-case {@code \\u} plus four hex digits), integers in plain decimal, {@code true}, {@code false}, {@code null}. It is
 * exactly what Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} writes,
 * so that anyone can recompute a hash offline. Non-integral numbers have no portable text form and are recorded as
 * strings ({@link #normalize}).
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** A copy of {@code value} that has a canonical form: non-integral numbers become their plain decimal strings. */
    public static JsonNode normalize(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), normalize(field.getValue())));
            return copy;
        }
        if (value.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.textNode(decimal.toPlainString());
        }
        return value;
    }

    /** The canonical text of a normalized value. */
    public static String write(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(normalize(value), out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            List<String> keys = new ArrayList<>();
            value.fieldNames().forEachRemaining(keys::add);
            keys.sort(CanonicalJson::compareCodePoints);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                write(value.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = value.elements();
            for (int i = 0; items.hasNext(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(items.next(), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            string(value.textValue(), out);
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isNull()) {
            out.append("null");
        } else {
            // binary, POJO and other exotic nodes have no portable form: record their text
            string(value.asText(), out);
        }
    }

    private static final Map<Character, String> SHORT_ESCAPES = Map.of('"', "\\\"", '\\', "\\\\", '\b', "\\b", '\t',
            "\\t", '\n', "\\n", '\f', "\\f", '\r', "\\r");

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = SHORT_ESCAPES.get(c);
            if (escape != null) {
                out.append(escape);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Python sorts keys by code point; Java's String order differs only above U+FFFF, but it does differ. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
