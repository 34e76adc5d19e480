package io.glasswarden.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** One kustomization rendered and read through {@link KubernetesSchema}, with the views the tests need. */
record RenderedOverlay(Path directory, List<JsonNode> raw, List<HasMetadata> objects) {

    static final String DEV = "overlays/dev";
    static final String PRODUCTION = "overlays/production";
    static final String WITH_PROMETHEUS_OPERATOR = "examples/production-with-prometheus-operator";

    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

    /** Renders {@code k8s/<relative>} once per test run. */
    static RenderedOverlay of(String relative) {
        return CACHE.computeIfAbsent(relative, r -> {
            Path directory = Kustomize.K8S.resolve(r);
            List<JsonNode> raw = Kustomize.render(directory);
            return new RenderedOverlay(directory, raw, raw.stream().map(KubernetesSchema::read).toList());
        });
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError(
                    directory + " renders " + found.size() + " " + kind.getSimpleName() + ", expected 1");
        }
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> optional(Class<T> kind) {
        return all(kind).stream().findFirst();
    }

    Deployment deployment() {
        return one(Deployment.class);
    }

    PodSpec pod() {
        return deployment().getSpec().getTemplate().getSpec();
    }

    Map<String, String> podLabels() {
        return deployment().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** Init and app containers alike: both run in the pod. */
    List<Container> containers() {
        return Stream.concat(pod().getContainers().stream(),
                Optional.ofNullable(pod().getInitContainers()).orElse(List.of()).stream()).toList();
    }

    Container app() {
        return pod().getContainers()
                .stream()
                .filter(c -> c.getName().equals("glasswarden"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named glasswarden in " + directory));
    }

    /** Every environment variable the app container sees, literal or from the ConfigMap, by name. */
    Map<String, String> appEnvironment() {
        Map<String, String> environment = new TreeMap<>();
        for (var source : Optional.ofNullable(app().getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(configMap(source.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar variable : Optional.ofNullable(app().getEnv()).orElse(List.of())) {
            environment.put(variable.getName(), Objects.requireNonNullElse(variable.getValue(), "<from "
                    + describe(variable) + ">"));
        }
        return environment;
    }

    Optional<EnvVar> appVariable(String name) {
        return Optional.ofNullable(app().getEnv())
                .orElse(List.of())
                .stream()
                .filter(v -> v.getName().equals(name))
                .findFirst();
    }

    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ConfigMap " + name + " is referenced but not rendered"));
    }

    private static String describe(EnvVar variable) {
        var from = variable.getValueFrom();
        if (from != null && from.getSecretKeyRef() != null) {
            return "secret " + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey();
        }
        return String.valueOf(from);
    }
}
