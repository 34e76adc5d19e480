package io.glasswarden.deployment;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Reads rendered manifests into the Kubernetes object model (fabric8), rejecting what the API server would reject:
 * an unknown kind or apiVersion, a field the schema does not define, a value of the wrong type.
 */
final class KubernetesSchema {

    /** The kinds the manifests may contain: a Secret, for one, is deliberately absent. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Stream
            .of(Namespace.class, ServiceAccount.class, ConfigMap.class, Service.class, PersistentVolumeClaim.class,
                    Deployment.class, PodDisruptionBudget.class, NetworkPolicy.class, ServiceMonitor.class,
                    PrometheusRule.class)
            .collect(Collectors.toMap(KubernetesSchema::typeKey, Function.identity()));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new WithoutCatchAll())
            .build();

    private KubernetesSchema() {
    }

    /** The object as its model class; throws when it is not a valid object of a kind we ship. */
    static HasMetadata read(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException("Unexpected kind " + key + " (" + name(object) + "); expected one of "
                    + KINDS.keySet());
        }
        return read(object, type);
    }

    static <T> T read(JsonNode object, Class<T> type) {
        try {
            return STRICT.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name(object) + " is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String typeKey(Class<? extends HasMetadata> type) {
        return HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type);
    }

    private static String name(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }

    /**
     * The model classes collect unknown fields in an {@code additionalProperties} map through {@code @JsonAnySetter};
     * ignoring that annotation turns every misspelt or misplaced field into an error.
     */
    private static final class WithoutCatchAll extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
