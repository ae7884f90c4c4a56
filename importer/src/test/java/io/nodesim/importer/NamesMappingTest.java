package io.nodesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.importer.anonymize.HmacNames;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer sends every name through {@link Names}: anonymised, no original node, namespace, workload,
 * pod, image, zone or label appears in the scenario, the workloads, the placement or the report, only
 * in {@code map.csv} (0600); the scenario still loads and places the same pods.
 */
class NamesMappingTest {
    @TempDir
    Path tmp;

    @Test
    void noOriginalNameIsWrittenOutsideTheMapAndTheScenarioStillLoads() throws Exception {
        Path out = tmp.resolve("anon");
        Importer.run(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")), Set.of(), Set.of(), out),
                HmacNames.withSalt("0123456789abcdef-test-salt".getBytes()));
        StringBuilder all = new StringBuilder();
        for (String f : List.of("scenario.yaml", "workloads.yaml", "initial-placement.csv", "import-report.md")) {
            all.append(Files.readString(out.resolve(f)));
        }
        for (String original : List.of("worker-1", "cp-1", "shop", "monitoring", "node-exporter", "nginx", "postgres",
                "web-7b9f6c8d5", "db-0", "debug-shell", "eu-west-1a", "dedicated", "app: web",
                "canary", "nightly-report", "business-critical")) {
            assertFalse(all.toString().contains(original), original);
        }
        String map = Files.readString(out.resolve("map.csv"));
        assertTrue(map.contains("worker-1") && map.contains("business-critical"), map);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("map.csv"))));
        Scenario s = ScenarioLoader.load(out.resolve("scenario.yaml"));
        assertEquals(6, s.workloads().size());
        assertEquals(11, s.initialPlacement().rows().size());
    }
}
