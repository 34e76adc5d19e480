package io.glasswarden.testing;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A program from the machine that some tests need (kubectl for the manifests, Chromium for the pages). On a developer's
 * machine without it those tests are skipped with a visible notice; where {@code glasswarden.tests.require-tools} is
 * true (the {@code ci} profile, switched on by {@code CI=true}) a missing tool fails them, so CI never skips silently.
 */
public final class ExternalTool {

    /** System property (set by the ci profile) that turns a missing tool from a skip into a failure. */
    public static final String REQUIRE_PROPERTY = "glasswarden.tests.require-tools";

    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private ExternalTool() {
    }

    /**
     * Continues when {@code command} runs, else skips the calling test (or fails it when tools are required).
     *
     * @param command a harmless invocation, e.g. {@code kubectl version --client}
     * @param what what the tests check with it, for the notice
     * @param install how to install it, for the notice
     */
    public static void assumeAvailable(String what, String install, String... command) {
        boolean available = AVAILABLE.computeIfAbsent(String.join(" ", command), key -> {
            boolean runs = runs(command);
            if (!runs && !required()) {
                System.err.printf("%n*** NOTICE: '%s' could not run: %s are SKIPPED on this machine. Install it (%s) "
                        + "to run them; CI (CI=true) requires it.%n%n", command[0], what, install);
            }
            return runs;
        });
        if (!available && required()) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' could not run, but " + what
                    + " are required here (" + REQUIRE_PROPERTY + "=true). Install it: " + install);
        }
        Assumptions.assumeTrue(available, () -> command[0] + " is not installed: " + what + " skipped");
    }

    static boolean required() {
        return Boolean.getBoolean(REQUIRE_PROPERTY);
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
