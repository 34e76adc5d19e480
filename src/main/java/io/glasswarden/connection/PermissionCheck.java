package io.glasswarden.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Granted vs missing: each {@link GraphAccess} row not covered by the granted permissions, grouped by permission. */
final class PermissionCheck {

    private PermissionCheck() {
    }

    static List<ConnectionReport.Missing> missing(List<String> granted) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        Map<String, List<String>> effects = new LinkedHashMap<>();
        Map<String, Boolean> optional = new LinkedHashMap<>();
        for (GraphAccess access : GraphAccess.values()) {
            if (access.coveredBy(granted)) {
                continue;
            }
            rules.computeIfAbsent(access.permission(), p -> new LinkedHashSet<>()).addAll(access.rules());
            effects.computeIfAbsent(access.permission(), p -> new ArrayList<>()).add(access.effect());
            optional.merge(access.permission(), access.optional(), Boolean::logicalAnd);
        }
        List<ConnectionReport.Missing> out = new ArrayList<>();
        rules.forEach((permission, ruleIds) -> out.add(new ConnectionReport.Missing(permission,
                ruleIds.stream().sorted().toList(), String.join("; ", effects.get(permission)),
                optional.get(permission))));
        return out;
    }
}
