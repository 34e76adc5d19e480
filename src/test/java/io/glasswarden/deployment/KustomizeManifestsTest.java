package io.glasswarden.deployment;

import static io.glasswarden.deployment.RenderedOverlay.DEV;
import static io.glasswarden.deployment.RenderedOverlay.PRODUCTION;
import static io.glasswarden.deployment.RenderedOverlay.WITH_PROMETHEUS_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/** Renders each kustomization under k8s/ and checks what a platform engineer would check before applying it. */
class KustomizeManifestsTest {

    static final Map<String, String> COMMON_LABELS = Map.of("app.kubernetes.io/name", "glasswarden",
            "app.kubernetes.io/instance", "glasswarden", "app.kubernetes.io/part-of", "glasswarden");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern PINNED_IMAGE = Pattern
            .compile("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9./_-]+(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?");

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void everyObjectIsAValidKubernetesObjectWithAName(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);

        assertThat(rendered.objects()).isNotEmpty();
        for (HasMetadata object : rendered.objects()) {
            assertThat(object.getMetadata().getName()).as("name of %s", object.getKind()).matches(DNS_SUBDOMAIN);
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace()).as("namespace of %s", object.getKind())
                        .isEqualTo("glasswarden");
            }
        }
        assertThat(rendered.objects()).extracting(HasMetadata::getKind)
                .contains("Namespace", "ServiceAccount",
                        "ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION})
    void probesUseTheSmallRyeHealthEndpointsOnTheHttpPort(String overlay) {
        Container app = RenderedOverlay.of(overlay).app();

        assertThat(app.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertHttpProbe(app.getStartupProbe(), "/q/health/started");
        assertHttpProbe(app.getLivenessProbe(), "/q/health/live");
        assertHttpProbe(app.getReadinessProbe(), "/q/health/ready");
        // The startup probe, not a long initial delay, covers the JVM start and Flyway migrations.
        int startupBudget = app.getStartupProbe().getPeriodSeconds() * app.getStartupProbe().getFailureThreshold();
        assertThat(startupBudget).isBetween(60, 600);
        assertThat(app.getLivenessProbe().getInitialDelaySeconds()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION})
    void everyContainerHasRequestsAndLimitsWithGuaranteedMemory(String overlay) {
        for (Container container : RenderedOverlay.of(overlay).containers()) {
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();

            assertThat(requests).containsKeys("cpu", "memory", "ephemeral-storage");
            assertThat(limits).containsKeys("cpu", "memory", "ephemeral-storage");
            // A JVM sized from its limit must not be OOM-killed because the node overcommitted its memory.
            assertThat(bytes(requests.get("memory"))).isEqualTo(bytes(limits.get("memory")));
            assertThat(bytes(requests.get("cpu"))).isLessThanOrEqualTo(bytes(limits.get("cpu")));
            assertThat(bytes(limits.get("memory"))).isGreaterThanOrEqualTo(bytes(new Quantity("512Mi")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void imagesArePinnedNeverLatest(String overlay) {
        for (Container container : RenderedOverlay.of(overlay).containers()) {
            String image = container.getImage();
            assertThat(image).matches(PINNED_IMAGE);
            assertThat(image.contains("@sha256:") || image.substring(image.lastIndexOf('/')).contains(":"))
                    .as("%s has a tag or digest", image)
                    .isTrue();
            assertThat(image).doesNotEndWith(":latest");
            assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void productionRunsAReleaseNotASnapshot(String overlay) {
        assertThat(RenderedOverlay.of(overlay).app().getImage()).doesNotContainIgnoringCase("snapshot");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void labelsAndSelectorsAgreeAcrossObjects(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> podLabels = rendered.podLabels();

        assertThat(rendered.objects()).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
                .as("labels of %s", o.getKind())
                .containsAllEntriesOf(COMMON_LABELS));
        assertThat(podLabels).containsAllEntriesOf(COMMON_LABELS);
        Map<String, String> selector = rendered.deployment().getSpec().getSelector().getMatchLabels();
        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(rendered.one(Service.class).getSpec().getSelector()).isEqualTo(selector);
        assertThat(rendered.one(PodDisruptionBudget.class)
                .getSpec()
                .getSelector()
                .getMatchLabels()).isEqualTo(selector);
        assertThat(rendered.one(NetworkPolicy.class)
                .getSpec()
                .getPodSelector()
                .getMatchLabels()).isEqualTo(selector);
        assertThat(rendered.pod().getTopologySpreadConstraints()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(selector));
        rendered.optional(ServiceMonitor.class)
                .ifPresent(monitor -> assertThat(rendered.one(Service.class).getMetadata().getLabels())
                        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels()));
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION})
    void serviceAccountAndConfigMapReferencesResolve(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);

        assertThat(rendered.pod().getServiceAccountName())
                .isEqualTo(rendered.one(ServiceAccount.class).getMetadata().getName());
        assertThat(rendered.appEnvironment()).isNotEmpty();
        for (Volume volume : rendered.pod().getVolumes()) {
            Optional.ofNullable(volume.getPersistentVolumeClaim())
                    .ifPresent(claim -> assertThat(rendered
                            .all(PersistentVolumeClaim.class))
                            .anySatisfy(
                                    pvc -> assertThat(pvc.getMetadata().getName()).isEqualTo(claim.getClaimName())));
        }
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as("probe %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getTimeoutSeconds()).isPositive();
        assertThat(probe.getPeriodSeconds()).isPositive();
    }

    private static BigDecimal bytes(Quantity quantity) {
        return quantity.getNumericalAmount();
    }
}
