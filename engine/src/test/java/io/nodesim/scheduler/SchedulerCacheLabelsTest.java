package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.nodesim.cluster.WellKnownLabels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool's nodes share their template, so the cache reads its labels once and sets only each node's hostname
 * and zone. The labels, their order, the symbol numbering and the node-tree order must be exactly those of
 * reading every node's labels whole, which a cache given a fresh copy of the template per node does.
 */
class SchedulerCacheLabelsTest {
    static List<Map<String, String>> templates() {
        Map<String, String> zoneFirst = new LinkedHashMap<>();
        zoneFirst.put(WellKnownLabels.ZONE, "template-zone");
        zoneFirst.put("disk", "ssd");
        zoneFirst.put(WellKnownLabels.HOSTNAME, "template-host");
        Map<String, String> hostFirst = new LinkedHashMap<>();
        hostFirst.put(WellKnownLabels.HOSTNAME, "template-host");
        hostFirst.put("tier", "gold");
        hostFirst.put(WellKnownLabels.ZONE, "template-zone");
        Map<String, String> deprecated = new LinkedHashMap<>();
        deprecated.put(WellKnownLabels.DEPRECATED_ZONE, "old-zone");
        deprecated.put(WellKnownLabels.REGION, "r1");
        return List.of(Map.of(), Map.of("disk", "ssd"), zoneFirst, hostFirst, deprecated);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aPoolReadsItsTemplateOnce_asEveryNodeReadWhole(Map<String, String> labels) {
        Node shared = node(labels);
        SchedulerCache pooled = new SchedulerCache();
        SchedulerCache whole = new SchedulerCache();
        // zones per node, with nodes without a zone of their own in between
        String[] zones = {"a", "b", "", "c", "a", "", "", "b"};
        for (int i = 0; i < zones.length; i++) {
            pooled.addNode(shared, "n-" + i, zones[i]);
            whole.addNode(node(labels), "n-" + i, zones[i]);
        }
        assertEquals(whole.symbols().size(), pooled.symbols().size());
        for (int s = 0; s < whole.symbols().size(); s++) {
            assertEquals(whole.symbols().name(s), pooled.symbols().name(s), "symbol " + s);
        }
        for (int n = 0; n < zones.length; n++) {
            assertArrayEquals(whole.labelKeys(n), pooled.labelKeys(n), "keys of node " + n);
            assertArrayEquals(whole.labelValues(n), pooled.labelValues(n), "values of node " + n);
        }
        assertArrayEquals(whole.order(), pooled.order());
        int[] zoneOf = IntStream.range(0, zones.length)
                .map(n -> pooled.labelValue(n, pooled.symbols().find(WellKnownLabels.ZONE))).toArray();
        assertArrayEquals(IntStream.range(0, zones.length)
                .map(n -> whole.labelValue(n, whole.symbols().find(WellKnownLabels.ZONE))).toArray(), zoneOf);
    }

    private static Node node(Map<String, String> labels) {
        return new NodeBuilder().withNewMetadata().withLabels(new LinkedHashMap<>(labels)).endMetadata().build();
    }
}
