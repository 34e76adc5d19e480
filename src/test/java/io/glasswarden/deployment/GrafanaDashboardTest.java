package io.glasswarden.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The optional Grafana dashboard component: a ConfigMap the Grafana sidecar picks up, whose panels query only what
 * the service exports, through the data source variable.
 */
class GrafanaDashboardTest {

    private final RenderedOverlay rendered = RenderedOverlay.of(RenderedOverlay.WITH_PROMETHEUS_OPERATOR);

    @Test
    void theDashboardIsAConfigMapLabelledForTheGrafanaSidecar() {
        ConfigMap dashboard = dashboardConfigMap();

        assertThat(dashboard.getMetadata().getName()).isEqualTo("glasswarden-grafana-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
                .containsEntry("app.kubernetes.io/name", "glasswarden");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Glasswarden");
        assertThat(dashboard.getData()).containsOnlyKeys("glasswarden.json");
    }

    @Test
    void panelsQueryOnlyMetricsTheServiceExports() {
        List<String> expressions = expressions(dashboard());

        assertThat(expressions).isNotEmpty().allSatisfy(expression -> {
            assertThat(PromQl.balanced(expression)).as("brackets of %s", expression).isTrue();
            assertThat(PromQl.glasswardenMetrics(expression)).as("glasswarden metrics in %s", expression)
                    .isSubsetOf(PromQl.GLASSWARDEN_METRICS);
            assertThat(PromQl.selectors(expression)).as("series in %s", expression)
                    .isNotEmpty()
                    .isSubsetOf(union(PromQl.GLASSWARDEN_METRICS, PromQl.STANDARD_METRICS));
        });
        Set<String> used = expressions.stream()
                .flatMap(e -> PromQl.glasswardenMetrics(e).stream())
                .collect(Collectors.toSet());
        assertThat(used).as("every exported glasswarden metric has a panel").isEqualTo(PromQl.GLASSWARDEN_METRICS);
    }

    @Test
    void everyStatusHasItsOwnStatPanelNamedInText() {
        List<String> statTitles = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> {
            if (panel.path("type").asText().equals("stat")) {
                statTitles.add(panel.path("title").asText());
                assertThat(panel.path("targets").get(0).path("expr").asText())
                        .contains("status=\"" + panel.path("title").asText().replace("Accounts ", "") + "\"");
            }
        });
        assertThat(statTitles).containsExactly("Accounts NOT_READY", "Accounts UNKNOWN", "Accounts AT_RISK",
                "Accounts READY");
    }

    @Test
    void panelsUseTheDataSourceVariableAndTheTenantFilter() {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.path("uid").asText()).isEqualTo("glasswarden-overview");
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).containsExactly("datasource", "tenant");
        Set<Integer> ids = new java.util.HashSet<>();
        dashboard.path("panels").forEach(panel -> {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", panel.path("title")).isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("description").asText()).as("help text of %s", panel.path("title")).isNotBlank();
            panel.path("targets").forEach(target -> {
                String expression = target.path("expr").asText();
                if (expression.contains("tenant")) {
                    assertThat(expression).as("tenant filter").contains("tenant=~\"$tenant\"");
                }
            });
        });
    }

    @Test
    void panelsDoNotOverlap() {
        List<int[]> boxes = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> {
            JsonNode grid = panel.path("gridPos");
            int[] box = {grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(),
                    grid.path("h").asInt()};
            assertThat(box[0] + box[2]).as("width of %s", panel.path("title")).isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                        || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                assertThat(apart).as("%s overlaps another panel", panel.path("title")).isTrue();
            }
            boxes.add(box);
        });
    }

    private ConfigMap dashboardConfigMap() {
        List<ConfigMap> labelled = rendered.all(ConfigMap.class)
                .stream()
                .filter(c -> c.getMetadata().getLabels() != null
                        && c.getMetadata().getLabels().containsKey("grafana_dashboard"))
                .toList();
        assertThat(labelled).hasSize(1);
        return labelled.get(0);
    }

    private JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(dashboardConfigMap().getData().get("glasswarden.json"));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the dashboard is not JSON", e);
        }
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels")
                .forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
