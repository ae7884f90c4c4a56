package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodesim why}: the causal chain of one pod, and for what did not happen, the reason, on the
 * cases where it is hidden: master disruption mode, a toleration without seconds, a StatefulSet pod
 * without NodeDelete or the out-of-service taint, no room for the replacement.
 */
class WhyCommandTest {
    @TempDir
    Path dir;

    private Path run(String name, int nodes, String zones, int replicas, String cpu, String tolerations, String faults)
            throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: %s}
                spec:
                  kubernetesVersion: "1.35"
                  seed: 3
                  duration: 15m
                  nodes:
                    - pool: node
                      count: %d
                      zones: [%s]
                      allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
                  workloads:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web}
                      spec:
                        replicas: %d
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            tolerations: %s
                            containers:
                              - name: web
                                image: "nginx:1.25"
                                resources: {requests: {cpu: %s, memory: 256Mi}}
                  faults: %s
                """.formatted(name, nodes, zones, replicas, tolerations, cpu, faults));
        Path out = dir.resolve(name);
        Cli.Result r = Cli.run("run", file.toString(), "-o", out.toString(), "--events");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static String podOn(Path out, String node) throws Exception {
        return Files.readAllLines(out.resolve("pods.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> c[3].equals(node)).findFirst().orElseThrow()[1];
    }

    private static List<String> why(Path out, String pod) {
        Cli.Result r = Cli.run("why", out.toString(), pod);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().toList();
    }

    private static String step(List<String> lines, String rule) {
        return lines.stream().filter(l -> l.substring(Math.min(14, l.length())).startsWith(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " step in\n" + String.join("\n", lines)));
    }

    @Test
    void defaultCrash_chainRunsFromTheCrashToTheReplacementReady_tolerationFromTheApiServerDefault() throws Exception {
        Path out = run("crash", 4, "a", 4, "500m", "[]", "[{at: 1m, type: NodeCrash, nodes: [node-1]}]");
        List<String> lines = why(out, podOn(out, "node-1"));
        assertTrue(lines.get(0).contains("(Deployment web) on node-1 in zone a, replication 0"), lines.get(0));
        assertTrue(step(lines, "crash").startsWith("      60.000"), step(lines, "crash"));
        for (String rule : List.of("last heartbeat", "Unknown", "pod NotReady", "NoExecute taint", "deletion",
                "replacement", "scheduled", "Ready")) {
            step(lines, rule);
        }
        assertTrue(step(lines, "toleration").contains("tolerationSeconds=300 (kube-apiserver DefaultTolerationSeconds: "
                + "--default-unreachable-toleration-seconds)"), step(lines, "toleration"));
        assertTrue(lines.stream().noneMatch(l -> l.trim().startsWith("not ")), String.join("\n", lines));
    }

    @Test
    void tolerationWithoutSeconds_podNeverDeleted_andTheManifestIsNamed() throws Exception {
        Path out = run("forever", 4, "a", 4, "500m",
                "[{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}]",
                "[{at: 1m, type: NodeCrash, nodes: [node-1]}]");
        List<String> lines = why(out, podOn(out, "node-1"));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.trim().startsWith("not  deletion"), last);
        assertTrue(last.contains("tolerates the taint forever: node.kubernetes.io/unreachable:NoExecute by toleration "
                + "node.kubernetes.io/unreachable:NoExecute no tolerationSeconds (manifest)"), last);
    }

    @Test
    void manifestTolerationWithSeconds_isNamedAsTheManifests() throws Exception {
        Path out = run("short", 4, "a", 4, "500m",
                "[{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]",
                "[{at: 1m, type: NodeCrash, nodes: [node-1]}]");
        List<String> lines = why(out, podOn(out, "node-1"));
        assertTrue(step(lines, "toleration").endsWith("tolerationSeconds=30 (manifest)"), step(lines, "toleration"));
        step(lines, "Ready");
    }

    @Test
    void everyZoneDown_masterDisruptionMode_noTaintAndSaysWhy() throws Exception {
        Path out = run("master", 3, "a", 3, "500m", "[]", "[{at: 1m, type: ZoneOutage, zone: a}]");
        List<String> lines = why(out, podOn(out, "node-1"));
        step(lines, "Unknown");
        assertTrue(step(lines, "disruption mode").contains("DisruptionModeEntered"), String.join("\n", lines));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.trim().startsWith("not  NoExecute taint") && last.contains("master disruption mode"), last);
    }

    @Test
    void statefulSetPod_staysTerminating_withoutNodeDeleteOrOutOfService() {
        Path out = dir.resolve("sts");
        Cli.Result r = Cli.run("run", Path.of("..", "scenarios", "statefulset-database.yaml").toString(), "-o",
                out.toString(), "--events");
        assertEquals(0, r.code(), r.err());
        List<String> stuck = why(out, "db-2");
        String last = stuck.get(stuck.size() - 1);
        assertTrue(last.trim().startsWith("not  replacement") && last.contains("StatefulSet pod stays Terminating")
                && last.contains("out-of-service"), last);
        List<String> freed = why(out, "db-0");
        assertTrue(step(freed, "operator").contains("node-1: OutOfServiceTaint"), String.join("\n", freed));
        step(freed, "Ready");
    }

    @Test
    void noRoomForTheReplacement_schedulingNotHappened_withTheFitError() throws Exception {
        Path out = run("full", 2, "a", 2, "3", "[]", "[{at: 1m, type: NodeCrash, nodes: [node-1]}]");
        List<String> lines = why(out, podOn(out, "node-1"));
        step(lines, "waited");
        String last = lines.get(lines.size() - 1);
        assertTrue(last.trim().startsWith("not  scheduling") && last.contains("no room: 0/")
                && last.contains("Insufficient cpu"), last);
    }

    @Test
    void runWithoutEvents_orUnknownPod_isBadInput() throws Exception {
        Path out = run("plain", 2, "a", 2, "500m", "[]", "[]");
        Cli.Result noPod = Cli.run("why", out.toString(), "nope");
        assertEquals(2, noPod.code());
        assertTrue(noPod.err().startsWith("nodesim why: no pod nope in replication 0"), noPod.err());
        Files.delete(out.resolve("events.csv"));
        Cli.Result noEvents = Cli.run("why", out.toString(), "web-0");
        assertEquals(2, noEvents.code());
        assertTrue(noEvents.err().contains("events.csv: no such file; run it again with --events"), noEvents.err());
    }
}
