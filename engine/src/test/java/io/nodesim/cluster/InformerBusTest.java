package io.nodesim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InformerBusTest {
    @Test
    void watchersAreToldInTheOrderTheySubscribed() {
        InformerBus bus = new InformerBus();
        List<String> told = new ArrayList<>();
        bus.watchNodes(new NodeWatcher() {
            @Override
            public void taintsChanged(int node, int before, int after, long time) {
                told.add("first " + node + " " + before + "->" + after + " @" + time);
            }
        });
        bus.watchNodes(new NodeWatcher() {
            @Override
            public void taintsChanged(int node, int before, int after, long time) {
                told.add("second " + node);
            }
        });
        bus.taintsChanged(3, 0, ControllerTaints.UNREACHABLE_NO_SCHEDULE, 42);
        assertEquals(List.of("first 3 0->1 @42", "second 3"), told);
    }

    @Test
    void aWatcherHearsOnlyWhatItOverrides() {
        InformerBus bus = new InformerBus();
        List<String> told = new ArrayList<>();
        bus.watchPods(new PodWatcher() {
            @Override
            public void podGone(int pod, long time) {
                told.add("gone " + pod);
            }
        });
        bus.podCreated(1, 0);
        bus.podBound(1, 1);
        bus.podDeleted(1, 2);
        bus.podGone(1, 3);
        assertEquals(List.of("gone 1"), told);
    }

    @Test
    void theEndOfAnApiServerOutageIsPublished_once() {
        InformerBus bus = new InformerBus();
        List<Long> told = new ArrayList<>();
        bus.watchApiServer(told::add);
        ControlPlane cp = new ControlPlane(bus);
        cp.startOutage(10);
        cp.endOutage(20);
        cp.endOutage(30);
        assertEquals(List.of(20L), told);
    }

    @Test
    void aTaintWriteIsRecordedAndPublished_withItsBeforeAndAfter() {
        var cluster = new ClusterState(Topology.of(io.nodesim.testing.ScenarioFixture.scenario().pool("n", 1, "a").build()
                .nodes()), new PodTable(1, 1), List.of(), new EventRecorder(true));
        List<String> told = new ArrayList<>();
        cluster.informers().watchNodes(new NodeWatcher() {
            @Override
            public void taintsChanged(int node, int before, int after, long time) {
                told.add(before + "->" + after);
            }
        });
        cluster.setNodeTaints(0, ControllerTaints.UNREACHABLE_NO_EXECUTE, 5);
        cluster.setNodeTaints(0, ControllerTaints.UNREACHABLE_NO_EXECUTE, 6);
        assertEquals(List.of("0->4"), told, "an unchanged write publishes nothing");
        assertEquals(5, cluster.nodes().noExecuteTaintAt(0));
        assertEquals("TaintAdded", cluster.recorder().events().get(0).kind());
    }
}
