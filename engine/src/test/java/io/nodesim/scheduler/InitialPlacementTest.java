package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.cluster.PodPlacement.Placed;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scheduler.explain.Placement;
import io.nodesim.scheduler.explain.ScheduleRun;
import io.nodesim.simulation.SchedulerPlacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code schedule} and {@code run} place the t = 0 pods alike, on the admitted pods. */
class InitialPlacementTest {
    @TempDir
    Path dir;

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Map<String, String> scheduled(Scenario s) {
        Map<String, String> out = new TreeMap<>();
        for (Placement p : ScheduleRun.run(s).placements()) {
            out.put(p.pod(), String.valueOf(p.node()));
        }
        return out;
    }

    private static Map<String, String> run(Scenario s) {
        SchedulerPlacement placement = new SchedulerPlacement(io.nodesim.cluster.Topology.of(s.nodes()),
                new RandomStreams(s.seed(), 0).stream("scheduler.ties"), null, 0);
        Map<String, String> out = new TreeMap<>();
        for (Placed p : placement.placeAll(s)) {
            out.put(p.name(), p.node() < 0 ? "null" : placement.nodes().name(p.node()));
        }
        return out;
    }

    /** Every example but the 5,000-node one, whose explained cycles (all scores of every pod) fill the test heap. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void scheduleAndRun_placeEveryExampleIdentically(Path file) {
        Scenario s = ScenarioLoader.load(file);
        Assumptions.assumeTrue(s.nodeCount() <= 1000, "too large to explain here");
        assertEquals(scheduled(s), run(s));
    }

    /**
     * Only the node tainted unreachable:NoExecute has room: a pod lands there in both commands
     * because DefaultTolerationSeconds gave it the toleration, and the DaemonSet's pods go on both
     * nodes with the controller's tolerations. Without admission the Deployment would be unschedulable.
     */
    @Test
    void bothCommands_seeTheAdmissionTolerations() throws IOException {
        Path f = dir.resolve("admission.yaml");
        Files.writeString(f, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                spec:
                  nodes:
                    - name: tainted
                      zone: a
                      allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
                      taints: [{key: node.kubernetes.io/unreachable, effect: NoExecute}]
                    - name: small
                      zone: a
                      allocatable: {cpu: 100m, memory: 8Gi, pods: "110"}
                      taints: [{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]
                  workloads:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web}
                      spec:
                        replicas: 2
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            containers: [{name: c, image: web, resources: {requests: {cpu: "1"}}}]
                    - apiVersion: apps/v1
                      kind: DaemonSet
                      metadata: {name: agent}
                      spec:
                        selector: {matchLabels: {app: agent}}
                        template:
                          metadata: {labels: {app: agent}}
                          spec:
                            containers: [{name: c, image: agent, resources: {requests: {cpu: 10m}}}]
                """);
        Scenario s = ScenarioLoader.load(f);
        Map<String, String> expected = Map.of("web-0", "tainted", "web-1", "tainted", "agent-tainted", "tainted",
                "agent-small", "small");
        assertEquals(new TreeMap<>(expected), scheduled(s));
        assertEquals(new TreeMap<>(expected), run(s));
        assertEquals(List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"), s.workloads().get(0)
                .template().getSpec().getTolerations().stream().map(t -> t.getKey()).toList());
    }
    /**
     * v1 Namespace manifests label namespaces; a namespaceSelector matches those labels in both
     * commands (upstream InterPodAffinity reads the namespace lister). web would prefer the roomy
     * node, but its anti-affinity selects db in the other namespace of the blue team.
     */
    @Test
    void namespaceManifests_labelNamespacesForNamespaceSelectors() throws IOException {
        Path f = dir.resolve("namespaces.yaml");
        Files.writeString(f, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                spec:
                  nodes:
                    - {name: big, zone: a, allocatable: {cpu: "8", memory: 8Gi, pods: "110"}}
                    - {name: small, zone: b, allocatable: {cpu: "2", memory: 8Gi, pods: "110"}}
                  workloads:
                    - apiVersion: v1
                      kind: Namespace
                      metadata: {name: storage, labels: {team: blue}}
                    - apiVersion: v1
                      kind: Pod
                      metadata: {name: db, namespace: storage, labels: {app: db}}
                      spec:
                        nodeName: big
                        containers: [{name: c, image: db, resources: {requests: {cpu: "1"}}}]
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web, namespace: frontend}
                      spec:
                        replicas: 1
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            containers: [{name: c, image: web, resources: {requests: {cpu: "1"}}}]
                            affinity:
                              podAntiAffinity:
                                requiredDuringSchedulingIgnoredDuringExecution:
                                  - labelSelector: {matchLabels: {app: db}}
                                    namespaceSelector: {matchLabels: {team: blue}}
                                    topologyKey: topology.kubernetes.io/zone
                    - apiVersion: v1
                      kind: Namespace
                      metadata: {name: frontend, labels: {team: blue}}
                """);
        Scenario s = ScenarioLoader.load(f);
        assertEquals(Map.of("storage", Map.of("team", "blue"), "frontend", Map.of("team", "blue")), s.namespaces());
        assertEquals(2, s.workloads().size());
        Map<String, String> expected = new TreeMap<>(Map.of("storage/db", "big", "frontend/web-0", "small"));
        assertEquals(expected, scheduled(s));
        assertEquals(expected, run(s));
    }
}
