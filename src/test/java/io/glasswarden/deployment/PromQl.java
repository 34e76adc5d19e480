package io.glasswarden.deployment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the alerting rules and the dashboard may query: the metrics the service exports, and a PromQL sanity check. */
final class PromQl {

    /** The metric names the service exports (the lead's contract); anything else would never fire or draw. */
    static final Set<String> GLASSWARDEN_METRICS = Set.of("glasswarden_accounts", "glasswarden_evaluations_total",
            "glasswarden_evaluation_last_completed_timestamp_seconds", "glasswarden_drills_overdue",
            "glasswarden_outbox_pending", "glasswarden_outbox_dead_letters", "glasswarden_graph_requests_total",
            "glasswarden_graph_throttled_total");

    /**
     * Micrometer's standard binders that Quarkus exports on /q/metrics (HTTP server and JVM memory), which the
     * dashboard may also use.
     */
    static final Set<String> STANDARD_METRICS = Set.of("http_server_requests_seconds_count", "jvm_memory_used_bytes");

    private static final Pattern GLASSWARDEN_METRIC = Pattern.compile("\\bglasswarden_[a-z_]+");
    private static final Pattern ANY_METRIC = Pattern
            .compile("\\b([a-z_][a-z0-9_]*)\\s*(\\{|\\[|\\)|$)");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without",
            "rate", "increase", "time", "vector", "or", "and", "unless", "label_values");

    private PromQl() {
    }

    /** The glasswarden_* metric names an expression uses. */
    static Set<String> glasswardenMetrics(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher metric = GLASSWARDEN_METRIC.matcher(expression);
        while (metric.find()) {
            names.add(metric.group());
        }
        return names;
    }

    /** Every series selector name in an expression (an identifier followed by a label matcher or range). */
    static Set<String> selectors(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String withoutGrouping = expression.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
        Matcher metric = ANY_METRIC.matcher(withoutGrouping);
        while (metric.find()) {
            if (!PROMQL_WORDS.contains(metric.group(1))) {
                names.add(metric.group(1));
            }
        }
        return names;
    }

    static boolean balanced(String expression) {
        int round = 0, square = 0, curly = 0;
        for (char c : expression.toCharArray()) {
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '[' -> square++;
                case ']' -> square--;
                case '{' -> curly++;
                case '}' -> curly--;
                default -> {
                }
            }
            if (round < 0 || square < 0 || curly < 0) {
                return false;
            }
        }
        return round == 0 && square == 0 && curly == 0;
    }
}
