package io.glasswarden.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing program skips the tests that need it, except where tools are required (CI), where it fails them. */
class ExternalToolTest {

    private static final String MISSING = "/nonexistent/glasswarden-tool-" + System.nanoTime();
    private final String before = System.getProperty(ExternalTool.REQUIRE_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ExternalTool.REQUIRE_PROPERTY);
        } else {
            System.setProperty(ExternalTool.REQUIRE_PROPERTY, before);
        }
    }

    @Test
    void aMissingToolSkipsOnADevelopersMachine() {
        System.setProperty(ExternalTool.REQUIRE_PROPERTY, "false");

        assertThatThrownBy(() -> ExternalTool.assumeAvailable("the widget tests", "apt-get install widget", MISSING))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the widget tests skipped");
    }

    @Test
    void aMissingToolFailsWhereToolsAreRequired() {
        System.setProperty(ExternalTool.REQUIRE_PROPERTY, "true");

        assertThatThrownBy(() -> ExternalTool.assumeAvailable("the widget tests", "apt-get install widget", MISSING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("required here")
                .hasMessageContaining("apt-get install widget");
    }

    @Test
    void anInstalledToolLetsTheTestRun() {
        System.setProperty(ExternalTool.REQUIRE_PROPERTY, "true");

        assertThatCode(() -> ExternalTool.assumeAvailable("the shell tests", "none", "sh", "-c", "exit 0"))
                .doesNotThrowAnyException();
    }
}
