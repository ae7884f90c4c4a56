package io.nodesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer sends every name through {@link Names}: with a mapping that renames everything, no
 * original node, namespace, workload, pod, image or label appears in the scenario, the workloads,
 * the placement or the report, and the renamed scenario still loads.
 */
class NamesMappingTest {
    @TempDir
    Path tmp;

    /** Renames without hashing, so the test can read the output; the anonymize package supplies the real one. */
    static final Names RENAMED = new Names() {
        private String t(String s) {
            return "t" + Integer.toHexString(s.hashCode() & 0xfffffff);
        }

        @Override
        public String node(String n) {
            return t(n);
        }

        @Override
        public String namespace(String n) {
            return t(n);
        }

        @Override
        public String workload(String n) {
            return t(n);
        }

        @Override
        public String pod(String n) {
            return t(n);
        }

        @Override
        public String container(String n) {
            return t(n);
        }

        @Override
        public String image(String n) {
            return t(n);
        }

        @Override
        public String labelKey(String k) {
            return k.startsWith("kubernetes.io/") || k.contains(".kubernetes.io/") ? k : t(k);
        }

        @Override
        public String labelValue(String v) {
            return v.isEmpty() ? v : t(v);
        }

        @Override
        public boolean anonymous() {
            return true;
        }
    };

    @Test
    void noOriginalNameIsWrittenAndTheScenarioStillLoads() throws Exception {
        Path out = tmp.resolve("anon");
        Importer.run(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")), Set.of(), Set.of(), out),
                SettingsSource.NONE, RENAMED);
        StringBuilder all = new StringBuilder();
        for (String f : List.of("scenario.yaml", "workloads.yaml", "initial-placement.csv", "import-report.md")) {
            all.append(Files.readString(out.resolve(f)));
        }
        for (String original : List.of("worker-1", "cp-1", "shop", "monitoring", "node-exporter", "nginx", "postgres",
                "web-7b9f6c8d5", "db-0", "debug-shell", "eu-west-1a", "dedicated", "batch", "app: web", "mixed-cluster",
                "canary", "nightly-report")) {
            assertFalse(all.toString().contains(original), original);
        }
        Scenario s = ScenarioLoader.load(out.resolve("scenario.yaml"));
        assertEquals(6, s.workloads().size());
        assertEquals(11, s.initialPlacement().rows().size());
    }
}
