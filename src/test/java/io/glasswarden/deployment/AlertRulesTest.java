package io.glasswarden.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/** The PrometheusRule component alerts on what operators must act on, using only metrics the service exports. */
class AlertRulesTest {

    /** The metric names the service exports (the lead's contract); anything else would never fire. */
    private static final Set<String> EXPORTED_METRICS = Set.of("glasswarden_accounts",
            "glasswarden_evaluations_total", "glasswarden_evaluation_last_completed_timestamp_seconds",
            "glasswarden_drills_overdue", "glasswarden_outbox_pending", "glasswarden_outbox_dead_letters",
            "glasswarden_graph_requests_total", "glasswarden_graph_throttled_total");
    private static final Pattern METRIC = Pattern.compile("\\bglasswarden_[a-z_]+");
    private static final Pattern DURATION = Pattern.compile("[0-9]+[smhd]");

    private final List<Rule> alerts = RenderedOverlay.of(RenderedOverlay.WITH_PROMETHEUS_OPERATOR)
            .one(PrometheusRule.class)
            .getSpec()
            .getGroups()
            .stream()
            .flatMap(g -> g.getRules().stream())
            .toList();

    @Test
    void alertsUseOnlyTheMetricsTheServiceExports() {
        assertThat(alerts).allSatisfy(rule -> {
            Matcher metric = METRIC.matcher(rule.getExpr().getStrVal());
            assertThat(metric.find()).as("%s uses a glasswarden metric", rule.getAlert()).isTrue();
            do {
                assertThat(metric.group()).as("metric in %s", rule.getAlert()).isIn(EXPORTED_METRICS);
            } while (metric.find());
        });
    }

    @Test
    void alertsCoverNotReadyAccountsEvaluationsDrillsOutboxAndThrottling() {
        assertThat(alerts).extracting(r -> r.getExpr().getStrVal())
                .anyMatch(e -> e.contains("status=\"NOT_READY\""))
                .anyMatch(e -> e.contains("outcome=\"failed\""))
                .anyMatch(e -> e.contains("glasswarden_evaluation_last_completed_timestamp_seconds"))
                .anyMatch(e -> e.contains("glasswarden_drills_overdue"))
                .anyMatch(e -> e.contains("glasswarden_outbox_pending"))
                .anyMatch(e -> e.contains("glasswarden_graph_throttled_total"));
    }

    @Test
    void everyAlertIsNamedSeveredExplainedAndWellFormed() {
        assertThat(alerts).extracting(Rule::getAlert)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("Glasswarden"));
        assertThat(alerts).allSatisfy(rule -> {
            assertThat(rule.getLabels()).containsKey("severity");
            assertThat(rule.getLabels().get("severity")).isIn("critical", "warning", "info");
            assertThat(rule.getAnnotations()).containsKeys("summary", "description");
            if (rule.getFor() != null) {
                assertThat(rule.getFor()).matches(DURATION);
            }
            assertThat(balanced(rule.getExpr().getStrVal())).as("brackets of %s", rule.getAlert()).isTrue();
        });
        assertThat(alerts).filteredOn(r -> r.getExpr().getStrVal().contains("NOT_READY"))
                .allSatisfy(r -> assertThat(r.getLabels()).containsEntry("severity", "critical"));
    }

    private static boolean balanced(String expression) {
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
