package io.glasswarden.deployment;

import static io.glasswarden.deployment.RenderedOverlay.DEV;
import static io.glasswarden.deployment.RenderedOverlay.PRODUCTION;
import static io.glasswarden.deployment.RenderedOverlay.WITH_PROMETHEUS_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/** The pod meets the "restricted" Pod Security Standard and writes only to the volumes it mounts. */
class PodSecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION, WITH_PROMETHEUS_OPERATOR})
    void podRunsAsNonRootWithoutPrivilegesOrServiceAccountToken(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        PodSecurityContext pod = rendered.pod().getSecurityContext();

        assertThat(pod.getRunAsNonRoot()).isTrue();
        assertThat(pod.getRunAsUser()).isPositive();
        assertThat(pod.getRunAsGroup()).isPositive();
        assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(rendered.pod().getAutomountServiceAccountToken()).isFalse();
        assertThat(rendered.one(ServiceAccount.class)
                .getAutomountServiceAccountToken()).isFalse();
        assertThat(rendered.pod().getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(rendered.pod().getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(rendered.pod().getHostIPC()).isNotEqualTo(Boolean.TRUE);
        assertThat(rendered.pod().getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
        for (Container container : rendered.containers()) {
            SecurityContext security = container.getSecurityContext();
            assertThat(security).as("securityContext of %s", container.getName()).isNotNull();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(Optional.ofNullable(security.getRunAsUser()).orElse(pod.getRunAsUser())).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PRODUCTION})
    void theOnlyWritablePathsAreMountedVolumes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, Volume> volumes = volumesByName(rendered);
        List<VolumeMount> mounts = rendered.app().getVolumeMounts();

        VolumeMount tmp = mounts.stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow();
        assertThat(volumes.get(tmp.getName()).getEmptyDir().getSizeLimit()).isNotNull();
        for (VolumeMount mount : mounts) {
            Volume volume = volumes.get(mount.getName());
            assertThat(volume).as("volume %s", mount.getName()).isNotNull();
            assertThat(volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null
                    || volume.getProjected() != null || volume.getSecret() != null || volume.getConfigMap() != null)
                    .as("%s is an emptyDir, PVC, projected, Secret or ConfigMap volume", mount.getName())
                    .isTrue();
        }
        String dataDir = rendered.appEnvironment().get("GLASSWARDEN_DATA_DIR");
        if (dataDir != null) {
            VolumeMount data = mounts.stream()
                    .filter(m -> m.getMountPath().equals(dataDir))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("glasswarden.data-dir " + dataDir + " is not mounted"));
            assertThat(data.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        }
    }

    private static Map<String, Volume> volumesByName(RenderedOverlay rendered) {
        return rendered.pod().getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
    }
}
