package io.glasswarden.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.glasswarden.testing.ExternalTool;

/** Renders a kustomization directory with {@code kubectl kustomize}, as an operator would. */
final class Kustomize {

    static final Path K8S = Path.of("k8s");
    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    private Kustomize() {
    }

    /** The rendered objects, in kustomize's output order. */
    static List<JsonNode> render(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("No kustomization directory " + directory.toAbsolutePath());
        }
        ExternalTool.assumeAvailable("the deployment tests (k8s/ rendered with kustomize)",
                "apt-get install kubectl, or set KUBECTL to its path", KUBECTL, "version", "--client");
        String yaml = run(KUBECTL, "kustomize", directory.toString());
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + directory + " printed YAML that does not parse", e);
        }
    }

    private static String run(String... command) {
        Path errors = null;
        try {
            errors = Files.createTempFile("kubectl", ".err");
            // stderr apart: kubectl warnings must not end up inside the YAML.
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            try (InputStream output = process.getInputStream()) {
                String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            String.join(" ", command) + " failed:\n" + Files.readString(errors));
                }
                return text;
            }
        } catch (IOException e) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
