package io.glasswarden.scheduling;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;

import io.quarkus.logging.Log;

/**
 * The call into the evaluations feature ({@code EvaluationService.request}), built on another branch in parallel. Until
 * it is merged it is looked up by name so that this branch compiles on its own; once merged, replace the body by a
 * direct call to the injected bean (and delete this class).
 */
@ApplicationScoped
class LateBoundCalls {

    private static final List<String> EVALUATION_SERVICES = List.of(
            "io.glasswarden.readiness.evaluation.EvaluationService", "io.glasswarden.readiness.EvaluationService");

    /** {@code EvaluationService.request(tenantId, "scheduler")}: queues an evaluation unless one is queued or running. */
    void requestEvaluation(String tenantId) {
        invoke(EVALUATION_SERVICES, "request", new Class<?>[]{String.class, String.class}, tenantId, "scheduler");
    }

    private static void invoke(List<String> classNames, String method, Class<?>[] types, Object... args) {
        Optional<Class<?>> type = classNames.stream().map(LateBoundCalls::load).flatMap(Optional::stream).findFirst();
        if (type.isEmpty()) {
            Log.debugf("No %s available yet; skipped", classNames.get(0));
            return;
        }
        try {
            Object bean = CDI.current().select(type.get()).get();
            Method target = type.get().getMethod(method, types);
            target.invoke(bean, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + type.get().getSimpleName() + "." + method, e);
        }
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, true, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
