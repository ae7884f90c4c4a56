package io.nodesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.ClusterState;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spec.initialPlacement}: pods of t = 0 start where the rows say, under the rows' names. */
class ImportedPlacementTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: placed}
            spec:
              initialPlacement: {file: placement.csv}
              nodes:
                - pool: n
                  count: 3
                  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web, namespace: shop}
                  spec:
                    replicas: 3
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: "1", memory: 1Gi}}}]}
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: 1
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec: {containers: [{name: c, image: nginx}]}
            """;

    private Scenario load(String csv) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Files.writeString(dir.resolve("placement.csv"), "workload,pod,node\r\n" + csv);
        return ScenarioLoader.load(dir.resolve("s.yaml"));
    }

    private static Map<String, String> podsOnNodes(ClusterState c) {
        Map<String, String> out = new HashMap<>();
        for (int p = 0; p < c.pods().count(); p++) {
            int node = c.pods().node(p);
            out.put(c.pods().name(p), node < 0 ? "" : c.nodes().name(node));
        }
        return out;
    }

    @Test
    void rowsPlacePodsUnderTheirNamesAndTheRestIsScheduled() throws Exception {
        Scenario s = load("shop/web,shop/web-abc12,n-2\r\nshop/web,shop/web-def34,n-2\r\n");
        Map<String, String> pods = podsOnNodes(new ClusterSimulation(s, 0, false).cluster());
        assertEquals("n-2", pods.get("shop/web-abc12"));
        assertEquals("n-2", pods.get("shop/web-def34"));
        assertEquals(4, pods.size(), "the third replica of shop/web and default's web are scheduled: " + pods);
        assertTrue(pods.containsKey("shop/web-2"), pods.toString());
        assertTrue(pods.containsKey("web-0"), "default-namespace names stay bare: " + pods);
        assertTrue(!pods.get("shop/web-2").equals("n-2"), "n-2 is full (2 of 2 cpu): " + pods);
    }

    @Test
    void sameNameInTwoNamespacesIsTwoWorkloads() throws Exception {
        Scenario s = load("");
        assertEquals("shop/web", s.workloads().get(0).displayName());
        assertEquals("web", s.workloads().get(1).displayName());
    }

    @Test
    void rowThatOverfillsItsNodeIsRefusedAtLoadNamingTheRow() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> load("shop/web,a,n-0\r\nshop/web,b,n-0\r\nshop/web,c,n-0\r\n"));
        assertEquals(dir.resolve("placement.csv") + ":4:1: pod c of shop/web no longer fits node n-0: its "
                + "allocatable cpu (3000m requested of 2000m) is exceeded by the pods placed on it", e.getMessage());
    }

    @Test
    void rowNamingAnUnknownWorkloadOrNodeIsRefusedAtLoad() throws Exception {
        ScenarioException w = assertThrows(ScenarioException.class, () -> load("shop/api,x,n-0\r\n"));
        assertTrue(w.getMessage().startsWith(dir.resolve("placement.csv") + ":2:1: workload: no workload \"shop/api\""),
                w.getMessage());
        ScenarioException n = assertThrows(ScenarioException.class, () -> load("web,x,n-9\r\n"));
        assertTrue(n.getMessage().startsWith(dir.resolve("placement.csv") + ":2:1: node: no node \"n-9\""), n.getMessage());
    }

    @Test
    void rowOverTheNodesMemoryOrPodCountIsRefusedAtLoad() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("memory: 4Gi, pods: \"110\"", "memory: 1536Mi, pods: \"110\""));
        Files.writeString(dir.resolve("placement.csv"), "workload,pod,node\r\nshop/web,a,n-1\r\nshop/web,b,n-1\r\n");
        ScenarioException memory = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml")));
        assertEquals(dir.resolve("placement.csv") + ":3:1: pod b of shop/web no longer fits node n-1: its allocatable "
                + "memory (2147483648 bytes requested of 1610612736) is exceeded by the pods placed on it",
                memory.getMessage());
        Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("pods: \"110\"", "pods: \"1\""));
        ScenarioException pods = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml")));
        assertEquals(dir.resolve("placement.csv") + ":3:1: pod b of shop/web no longer fits node n-1: its allocatable "
                + "pods (1 allowed) is exceeded by the pods placed on it", pods.getMessage());
    }

    @Test
    void rowOnANodeThatJoinsLaterIsRefusedAtLoad() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("count: 3\n", "count: 3\n      joinAt: 5m\n"));
        Files.writeString(dir.resolve("placement.csv"), "workload,pod,node\r\nshop/web,a,n-1\r\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml")));
        assertEquals(dir.resolve("placement.csv") + ":2:1: node: node \"n-1\" joins the cluster later (joinAt): "
                + "no pod runs on it at t = 0", e.getMessage());
    }

    @Test
    void moreRowsThanReplicasIsRefusedAtLoad() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("web,a,n-0\r\nweb,b,n-1\r\n"));
        assertEquals(dir.resolve("placement.csv") + ":3:1: more rows for web than its 1 replicas", e.getMessage());
    }

    @Test
    void scenarioWithoutPlacementKeepsGeneratedNames() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("  initialPlacement: {file: placement.csv}\n", ""));
        Map<String, String> pods = podsOnNodes(new ClusterSimulation(ScenarioLoader.load(dir.resolve("s.yaml")), 0, false)
                .cluster());
        assertEquals(java.util.Set.of("shop/web-0", "shop/web-1", "shop/web-2", "web-0"), pods.keySet());
    }
}
