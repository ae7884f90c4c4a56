package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes scenario text to a temporary directory and checks what the loader makes of it. */
final class ScenarioFiles {
    /** A small valid scenario; tests edit one line of it. Line numbers below refer to this text. */
    static final String BASE = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata:
              name: base
            spec:
              kubernetesVersion: "1.35"
              kubeControllerManager:
                node-monitor-grace-period: 50s
              nodes:
                - pool: w
                  count: 4
                  zones: [a, b]
                - name: solo
                  zone: c
                  labels: {disk: ssd}
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: 3
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec:
                        containers: [{name: web, image: nginx, resources: {requests: {cpu: 500m}}}]
              faults:
                - at: 1m
                  type: NodeCrash
                  nodes: [w-1]
            """;

    private ScenarioFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BASE with the first occurrence of {@code from} replaced. */
    static String edit(String from, String to) {
        assertTrue(BASE.contains(from), "BASE contains " + from);
        return BASE.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static Scenario load(Path dir, String text, String... sets) {
        return ScenarioLoader.load(write(dir, "s.yaml", text), List.of(sets));
    }

    static ScenarioException fails(Path dir, String text, String... sets) {
        return assertThrows(ScenarioException.class, () -> load(dir, text, sets));
    }

    /** Asserts position, path and that the message contains every fragment. */
    static void assertError(ScenarioException e, int line, int column, String path, String... fragments) {
        String m = e.getMessage();
        assertEquals(line, e.line(), m);
        if (column >= 0) {
            assertEquals(column, e.column(), m);
        }
        assertEquals(path, e.path(), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "message \"" + m + "\" should contain \"" + f + "\"");
        }
    }
}
