package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content a sweep's resume, merge, Job and Spark executors rely on: every file, wherever it lies. */
class ScenarioContentTest {
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: content}
            spec:
              nodes:
                - {pool: node, count: 2}
              latencies:
                watch: empirical(../shared/watch.csv)
              workloads:
                - file: apps/web.yaml
            """;
    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "nginx:1.25"}]
            """;

    @TempDir
    Path tmp;

    private Path tree(Path root, String watchCsv) throws Exception {
        Files.createDirectories(root.resolve("s/apps"));
        Files.createDirectories(root.resolve("shared"));
        Files.writeString(root.resolve("s/scenario.yaml"), SCENARIO);
        Files.writeString(root.resolve("s/apps/web.yaml"), WEB);
        Files.writeString(root.resolve("shared/watch.csv"), watchCsv);
        return root.resolve("s/scenario.yaml");
    }

    @Test
    void load_keepsEveryFileTheScenarioNames_keyedBelowTheirCommonFolder() throws Exception {
        ScenarioSources.Loaded loaded = ScenarioSources.load(tree(tmp.resolve("a"), "0.01\n0.02\n"), "x", List.of());
        ScenarioContent c = loaded.files();
        assertEquals(List.of("s/apps/web.yaml", "s/scenario.yaml", "shared/watch.csv"), List.copyOf(c.files().keySet()));
        assertEquals("s/scenario.yaml", c.scenario());
        assertEquals("x", loaded.scenario().sourceFile());
    }

    @Test
    void sha256_isTheSameForTheSameTreeElsewhere_andChangesWithAnyNamedFile() throws Exception {
        String a = ScenarioSources.load(tree(tmp.resolve("a"), "0.01\n"), "a", List.of()).files().sha256();
        String b = ScenarioSources.load(tree(tmp.resolve("elsewhere/b"), "0.01\n"), "b", List.of()).files().sha256();
        String c = ScenarioSources.load(tree(tmp.resolve("c"), "0.02\n"), "c", List.of()).files().sha256();
        assertEquals(a, b);
        assertNotEquals(a, c, "an empirical distribution's file is part of the scenario");
        assertEquals(64, a.length());
    }

    @Test
    void writeTo_recreatesTheTree_thatLoadsToTheSameContent() throws Exception {
        ScenarioContent c = ScenarioSources.load(tree(tmp.resolve("a"), "0.01\n"), "a", List.of()).files();
        Path copy = c.writeTo(tmp.resolve("copy"));
        assertEquals(tmp.resolve("copy/s/scenario.yaml"), copy);
        ScenarioContent again = ScenarioSources.load(copy, "a", List.of()).files();
        assertEquals(c.sha256(), again.sha256());
        assertArrayEquals(c.files().get("s/apps/web.yaml"), again.files().get("s/apps/web.yaml"));
    }
}
