package io.nodesim.cluster;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.simulation.ClusterSimulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private final Topology topology = Topology.of(scenario().pool("web", 4, "b", "a").node("db", "c", Map.of("disk", "ssd"))
            .joiningNode("late", "a", SimTime.MINUTE, null).build().nodes());

    @Test
    void poolsExpandInOrder_zonesInOrderOfFirstAppearance() {
        assertEquals(6, topology.size());
        assertEquals(List.of("web-0", "web-1", "web-2", "web-3", "db", "late"),
                java.util.stream.IntStream.range(0, 6).mapToObj(topology::name).toList());
        assertEquals(List.of("b", "a", "c"), topology.zones());
        assertEquals("a", topology.zoneName(1));
        assertEquals(4, topology.indexOf("db"));
        assertEquals(-1, topology.indexOf("nope"));
    }

    @Test
    void everyNodeCarriesItsHostnameAndZoneLabels() {
        assertEquals(Map.of("disk", "ssd", WellKnownLabels.HOSTNAME, "db", WellKnownLabels.ZONE, "c"), topology.labels(4));
    }

    @Test
    void aJoiningNodeKeepsItsJoinTime() {
        assertEquals(NodeGroup.BEFORE_START, topology.joinAt(0));
        assertEquals(SimTime.MINUTE, topology.joinAt(5));
    }

    @Test
    void criteriaNarrowTheCandidates_allMustHold() {
        assertArrayEquals(new int[] {1, 3, 5}, topology.candidates(new FaultTarget(List.of(), "a", Map.of(), null, null)));
        assertArrayEquals(new int[] {4}, topology.candidates(new FaultTarget(List.of(), null, Map.of("disk", "ssd"), null, null)));
        assertArrayEquals(new int[0], topology.candidates(new FaultTarget(List.of("db"), "a", Map.of(), null, null)));
    }

    @Test
    void aSelectorSeesTheLabelsTheNodeCarries_itsHostnameAndZoneIncluded() {
        for (int i = 0; i < topology.size(); i++) {
            assertArrayEquals(new int[] {i},
                    topology.candidates(new FaultTarget(List.of(), null, topology.labels(i), null, null)), "node " + i);
        }
        assertArrayEquals(new int[] {1, 3, 5},
                topology.candidates(new FaultTarget(List.of(), null, Map.of(WellKnownLabels.ZONE, "a"), null, null)));
        assertArrayEquals(new int[0],
                topology.candidates(new FaultTarget(List.of(), null, Map.of("disk", "hdd"), null, null)));
        assertArrayEquals(new int[0], topology.candidates(
                new FaultTarget(List.of(), null, Map.of(WellKnownLabels.HOSTNAME, "db", "disk", "hdd"), null, null)));
    }

    @Test
    void theSameGroupsGiveTheSameTopology_soTheLoaderAndTheRunShareIt() {
        var groups = scenario().pool("web", 4, "b", "a").build().nodes();
        assertEquals(true, Topology.of(groups) == Topology.of(List.copyOf(new java.util.ArrayList<>(groups))));
    }

    @Test
    void countDrawsFromTheStream_reproducibly_inIndexOrder() {
        FaultTarget two = new FaultTarget(List.of(), null, Map.of(), 2, null);
        int[] first = topology.resolve(two, new RandomStreams(7, 0).stream("faults"));
        assertArrayEquals(first, topology.resolve(two, new RandomStreams(7, 0).stream("faults")));
        assertEquals(2, first.length);
        assertEquals(true, first[0] < first[1]);
    }

    @Test
    void anUnknownNodeOrZone_isAnError() {
        var rng = new RandomStreams(7, 0).stream("faults");
        assertThrows(IllegalArgumentException.class,
                () -> topology.resolve(new FaultTarget(List.of("nope"), null, Map.of(), null, null), rng));
        assertThrows(IllegalArgumentException.class,
                () -> topology.resolve(new FaultTarget(List.of(), "z", Map.of(), null, null), rng));
    }

    @Test
    void theApiServerStateAndTheRunShareOneNodeNumbering() {
        var s = scenario().pool("web", 3, "b", "a").deployment("web", 3).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        ClusterState cluster = sim.cluster();
        for (int i = 0; i < 3; i++) {
            assertEquals(cluster.topology().name(i), cluster.nodes().name(i));
            assertEquals(i, cluster.nodeIndex("web-" + i));
        }
    }
}
