package io.glasswarden.deployment;

import static io.glasswarden.deployment.RenderedOverlay.DEV;
import static io.glasswarden.deployment.RenderedOverlay.PRODUCTION;
import static io.glasswarden.deployment.RenderedOverlay.WITH_PROMETHEUS_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** What each overlay is for: production is replicated, external and secret-free; dev is one self-contained pod. */
class OverlayIntentTest {

    private static final Pattern SECRET_LIKE_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY|CREDENTIALS?)");

    @Test
    void productionRunsReplicatedWithRollingUpdatesAndADisruptionBudget() {
        RenderedOverlay production = RenderedOverlay.of(PRODUCTION);
        Deployment deployment = production.deployment();

        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString(0));
        var budget = production.one(PodDisruptionBudget.class).getSpec();
        assertThat(budget.getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(production.pod().getTopologySpreadConstraints()).extracting(c -> c.getTopologyKey())
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    }

    @Test
    void productionUsesTheExternalDatabaseFromASecretAndForbidsTheEmbeddedOne() {
        RenderedOverlay production = RenderedOverlay.of(PRODUCTION);

        assertThat(production.appEnvironment()).containsEntry("GLASSWARDEN_EMBEDDED_DATABASE_ENABLED", "false");
        for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD")) {
            EnvVar variable = production.appVariable(name).orElseThrow();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("glasswarden-database");
            // Required: a missing Secret stops the pod at creation, with an event that names it.
            assertThat(variable.getValueFrom().getSecretKeyRef().getOptional()).isNotEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void productionReachesGraphThroughWorkloadIdentityWithoutAGraphSecret() {
        RenderedOverlay production = RenderedOverlay.of(PRODUCTION);
        ServiceAccount account = production.one(ServiceAccount.class);

        assertThat(production.podLabels()).containsEntry("azure.workload.identity/use", "true");
        assertThat(account.getMetadata().getAnnotations()).containsKey("azure.workload.identity/client-id");
        assertThat(account.getMetadata().getAnnotations().get("azure.workload.identity/client-id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(production.appEnvironment()).doesNotContainKeys("GLASSWARDEN_GRAPH_CLIENT_SECRET",
                "GLASSWARDEN_GRAPH_CERTIFICATE_PATH", "GLASSWARDEN_GRAPH_CERTIFICATE_PASSWORD");
        assertThat(production.pod().getVolumes()).allSatisfy(v -> assertThat(v.getSecret()).isNull());
    }

    @Test
    void devRunsOnePodWithTheEmbeddedDatabaseOnAPersistentVolume() {
        RenderedOverlay dev = RenderedOverlay.of(DEV);
        Map<String, String> environment = dev.appEnvironment();

        assertThat(dev.deployment().getSpec().getReplicas()).isEqualTo(1);
        // Two pods on one embedded database's data directory would corrupt it: no surge.
        assertThat(dev.deployment().getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(environment).containsEntry("GLASSWARDEN_EMBEDDED_DATABASE_ENABLED", "true")
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL");
        String dataDir = environment.get("GLASSWARDEN_DATA_DIR");
        String volume = dev.app()
                .getVolumeMounts()
                .stream()
                .filter(m -> m.getMountPath().equals(dataDir))
                .findFirst()
                .orElseThrow()
                .getName();
        assertThat(dev.pod().getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(volume);
            assertThat(v.getPersistentVolumeClaim()).isNotNull();
        });
        assertThat(dev.podLabels()).doesNotContainKey("azure.workload.identity/use");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void noSecretValueIsWrittenIntoTheManifests(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);

        assertThat(rendered.raw()).extracting(o -> o.path("kind").asText()).doesNotContain("Secret");
        assertThat(rendered.raw()).allSatisfy(o -> assertThat(o.has("stringData")).isFalse());
        for (EnvVar variable : Optional.ofNullable(rendered.app().getEnv()).orElse(List.of())) {
            if (SECRET_LIKE_NAME.matcher(variable.getName()).matches()) {
                assertThat(variable.getValue()).as("literal value of %s", variable.getName()).isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef()).as("%s comes from a Secret", variable.getName())
                        .isNotNull();
            }
        }
        for (JsonNode configMap : rendered.raw()) {
            if (configMap.path("kind").asText().equals("ConfigMap")) {
                configMap.path("data")
                        .fieldNames()
                        .forEachRemaining(
                                key -> assertThat(key).as("ConfigMap key").doesNotMatch(SECRET_LIKE_NAME));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION})
    void networkPolicyAdmitsHttpAndLetsOutOnlyDnsDatabaseSmtpAndHttps(String overlay) {
        NetworkPolicy policy = RenderedOverlay.of(overlay).one(NetworkPolicy.class);

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).flatExtracting(r -> r.getPorts())
                .extracting(p -> p.getPort().getStrVal())
                .containsExactly("http");
        List<Integer> egressPorts = policy.getSpec()
                .getEgress()
                .stream()
                .flatMap(r -> r.getPorts().stream())
                .map(NetworkPolicyPort::getPort)
                .map(IntOrString::getIntVal)
                .distinct()
                .toList();
        assertThat(egressPorts).containsExactlyInAnyOrder(53, 5432, 587, 465, 443);
        assertThat(policy.getSpec().getEgress()).allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
        var dns = policy.getSpec()
                .getEgress()
                .stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 53))
                .findFirst()
                .orElseThrow();
        assertThat(dns.getTo()).singleElement()
                .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                        .containsExactly(Map.entry("k8s-app", "kube-dns")));
    }
}
