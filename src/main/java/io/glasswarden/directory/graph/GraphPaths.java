package io.glasswarden.directory.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

import io.glasswarden.directory.AccountRef;

/** Relative, encoded Graph URLs for the reads this adapter makes. */
final class GraphPaths {

    private GraphPaths() {
    }

    /** The user segment: the object id when known (BG-001), else the UPN. */
    static String user(AccountRef ref) {
        if (ref.objectId() != null && !ref.objectId().isBlank()) {
            return "/users/" + encode(ref.objectId());
        }
        String upn = ref.userPrincipalName();
        if (upn.startsWith("$")) {
            // Graph reads a leading $ as a system query option unless the key is quoted
            return "/users('" + encode(upn.replace("'", "''")) + "')";
        }
        return "/users/" + encode(upn);
    }

    static String select(String fields) {
        return "$select=" + fields;
    }

    static String filter(String expression) {
        return "$filter=" + encode(expression);
    }

    /** {@code field in ('a','b')} over ids (GUIDs; quotes doubled anyway). */
    static String in(String field, Collection<String> ids) {
        return field + " in (" + ids.stream().map(GraphPaths::literal).collect(Collectors.joining(",")) + ")";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
