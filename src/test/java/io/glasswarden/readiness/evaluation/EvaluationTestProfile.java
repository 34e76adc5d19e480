package io.glasswarden.readiness.evaluation;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of the evaluation tests: lifecycle records and notifier replaced by test doubles, so that each test
 * controls what the rules see; all these tests share one application start.
 */
public class EvaluationTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("glasswarden.testing.lifecycle-fakes", "true");
    }
}
