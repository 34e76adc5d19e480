package io.glasswarden.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/** The PrometheusRule component alerts on what operators must act on, using only metrics the service exports. */
class AlertRulesTest {

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
            Set<String> metrics = PromQl.glasswardenMetrics(rule.getExpr().getStrVal());
            assertThat(metrics).as("%s uses a glasswarden metric", rule.getAlert()).isNotEmpty();
            assertThat(metrics).as("metrics in %s", rule.getAlert()).isSubsetOf(PromQl.GLASSWARDEN_METRICS);
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
            assertThat(PromQl.balanced(rule.getExpr().getStrVal())).as("brackets of %s", rule.getAlert()).isTrue();
        });
        assertThat(alerts).filteredOn(r -> r.getExpr().getStrVal().contains("NOT_READY"))
                .allSatisfy(r -> assertThat(r.getLabels()).containsEntry("severity", "critical"));
    }
}
