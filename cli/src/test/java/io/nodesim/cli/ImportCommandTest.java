package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodesim import} end to end: import a kubectl dump, then run the scenario it wrote. */
class ImportCommandTest {
    static final Path DUMP = Path.of("../importer/src/test/resources/dumps/mixed-cluster.yaml");

    @TempDir
    Path tmp;

    @Test
    void importedScenarioRunsWithThePodsWhereTheClusterHasThem() throws Exception {
        Path dir = tmp.resolve("cluster");
        Cli.Result imported = Cli.run("import", DUMP.toString(), "-o", dir.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("imported 3 nodes, 6 workloads, 11 pods placed, 4 objects skipped, 0 settings"),
                imported.out());
        Path out = tmp.resolve("run");
        Cli.Result run = Cli.run("run", dir.resolve("scenario.yaml").toString(), "-o", out.toString(), "--events");
        assertEquals(0, run.code(), run.err());
        List<String> workloads = Files.readAllLines(out.resolve("workloads.csv"));
        assertTrue(workloads.contains("0,shop/web,Deployment,3,,,3,0.000,1.000000,0.000"), workloads.toString());
        assertTrue(workloads.contains("0,web,Deployment,1,,,1,0.000,1.000000,0.000"), workloads.toString());
        assertTrue(workloads.contains("0,monitoring/node-exporter,DaemonSet,3,,,3,0.000,1.000000,0.000"), workloads.toString());
        String events = Files.readString(out.resolve("events.csv"));
        assertFalse(events.contains("shop/web-0"), "the dump's pod names, not generated ones, for placed pods");
    }

    @Test
    void placementRowThatNoLongerFitsItsNodeIsBadInputNamingTheRow() throws Exception {
        Path dir = tmp.resolve("cluster");
        assertEquals(0, Cli.run("import", DUMP.toString(), "-o", dir.toString()).code());
        Path csv = dir.resolve("initial-placement.csv");
        Files.writeString(csv, Files.readString(csv).replace("shop/db-1,worker-2", "shop/db-1,cp-1")
                .replace("shop/web-7b9f6c8d5-m2n7p,worker-2", "shop/web-7b9f6c8d5-m2n7p,cp-1"));
        String scenario = Files.readString(dir.resolve("scenario.yaml"));
        Files.writeString(dir.resolve("scenario.yaml"), scenario.replaceFirst("cpu: \"4\"", "cpu: \"1\""));
        Cli.Result run = Cli.run("run", dir.resolve("scenario.yaml").toString(), "-o", tmp.resolve("run").toString());
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("initial-placement.csv:7:1: pod shop/db-1 of shop/db no longer fits node cp-1"),
                run.err());
    }

    @Test
    void badDumpExitsTwoWritingNothing() throws Exception {
        Path bad = tmp.resolve("dump.json");
        Files.writeString(bad, "{\"apiVersion\": \"v1\", \"items\": [{\"kind\": \"Node\", ");
        Path dir = tmp.resolve("cluster");
        Cli.Result r = Cli.run("import", bad.toString(), "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nodesim import: " + bad + ":1:"), r.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void anonymisedImportWithSettingsRunsToTheSameSummaryAsThePlainOne() throws Exception {
        Path settings = Path.of("../importer/src/test/resources/io/nodesim/importer/settings");
        Path salt = tmp.resolve("salt");
        Files.write(salt, "a salt of more than sixteen bytes".getBytes());
        String fault = "faults=[{at: 10m, type: NodeCrash, count: 1}]";
        String[] summaries = new String[2];
        for (int i = 0; i < 2; i++) {
            Path dir = tmp.resolve(i == 0 ? "plain" : "anon");
            List<String> args = new java.util.ArrayList<>(List.of("import", DUMP.toString(), "--kubelet-configz",
                    settings.resolve("configz-k8s-node-01.json").toString(), "-o", dir.toString()));
            if (i == 1) {
                args.addAll(List.of("--anonymize", "--salt-file", salt.toString()));
            }
            Cli.Result imported = Cli.run(args.toArray(String[]::new));
            assertEquals(0, imported.code(), imported.err());
            Path out = tmp.resolve("run-" + i);
            Cli.Result run = Cli.run("run", dir.resolve("scenario.yaml").toString(), "-o", out.toString(), "--set", fault);
            assertEquals(0, run.code(), run.err());
            summaries[i] = Files.readString(out.resolve("summary.csv"));
        }
        assertTrue(summaries[0].contains("time_to_unknown,1,"), summaries[0]);
        assertEquals(summaries[0], summaries[1]);
        assertFalse(Files.readString(tmp.resolve("anon/scenario.yaml")).contains("worker-1"));
    }
}
