package io.glasswarden.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setting the manifests give the container is one the application (or its base image) reads. */
class ManifestConfigurationTest {

    /** Read by run-java.sh of the UBI OpenJDK base image, not by the application. */
    private static final Set<String> BASE_IMAGE_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO",
            "JAVA_OPTS_APPEND");
    /** Injected by the Azure Workload Identity webhook, read by the Graph adapter. */
    private static final Set<String> WORKLOAD_IDENTITY_VARIABLES = Set.of("AZURE_CLIENT_ID", "AZURE_TENANT_ID",
            "AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST");
    /**
     * A key set for every profile, or an optional key documented as a commented-out line ("#glasswarden.x="), which
     * has no default and is set only where it is needed; "%test.x=" lines do not count, they do not exist in
     * production.
     */
    private static final Pattern PROPERTY_LINE = Pattern.compile("^#?([a-zA-Z][\\w.\\-\\[\\]\"]*)\\s*[=:]");

    @ParameterizedTest
    @ValueSource(strings = {RenderedOverlay.DEV, RenderedOverlay.PRODUCTION})
    void everyVariableMapsToAConfigurationKeyTheApplicationKnows(String overlay) throws IOException {
        Set<String> glasswardenVariables = declaredProperties().stream()
                .filter(k -> k.startsWith("glasswarden."))
                .map(ManifestConfigurationTest::environmentName)
                .collect(Collectors.toSet());

        assertThat(RenderedOverlay.of(overlay).appEnvironment().keySet()).isNotEmpty().allSatisfy(variable -> {
            if (variable.startsWith("GLASSWARDEN_")) {
                assertThat(glasswardenVariables)
                        .as("%s must be a glasswarden.* key declared in application.properties", variable)
                        .contains(variable);
            } else {
                assertThat(variable.startsWith("QUARKUS_") || BASE_IMAGE_VARIABLES.contains(variable)
                        || WORKLOAD_IDENTITY_VARIABLES.contains(variable))
                        .as("%s is neither a quarkus.* key, a glasswarden.* key nor a known image variable", variable)
                        .isTrue();
            }
        });
    }

    /** SmallRye Config's rule: every character that is not a letter or digit becomes '_', then upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^a-zA-Z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> declaredProperties() throws IOException {
        return Files.readAllLines(Path.of("src/main/resources/application.properties"))
                .stream()
                .map(String::strip)
                .map(PROPERTY_LINE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
