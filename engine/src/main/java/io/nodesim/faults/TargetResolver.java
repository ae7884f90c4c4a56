package io.nodesim.faults;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.scenario.FaultTarget;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Binds a {@link FaultTarget} to node indices: names, zone and selector narrow the set (all must
 * hold; none given = every node), then count or percent draws that many without replacement from
 * the replication's "faults" stream (a partial Fisher–Yates shuffle, so the draw is reproducible).
 */
public final class TargetResolver {
    private TargetResolver() {
    }

    public static int[] resolve(FaultTarget target, ClusterState cluster, RandomGenerator rng) {
        NodeObjects nodes = cluster.nodes();
        int zone = target.zone() == null ? -1 : cluster.zones().indexOf(target.zone());
        if (target.zone() != null && zone < 0) {
            throw new IllegalArgumentException("fault target zone " + target.zone() + " has no node");
        }
        for (String name : target.nodes()) {
            if (cluster.nodeIndex(name) < 0) {
                throw new IllegalArgumentException("fault target node " + name + " does not exist");
            }
        }
        int[] candidates = IntStream.range(0, nodes.count)
                .filter(i -> target.nodes().isEmpty() || target.nodes().contains(nodes.names[i]))
                .filter(i -> zone < 0 || nodes.zone[i] == zone)
                .filter(i -> matches(nodes.labels.get(i), target.selector()))
                .toArray();
        int take = candidates.length;
        if (target.count() != null) {
            take = Math.min(target.count(), candidates.length);
        } else if (target.percent() != null) {
            take = (int) Math.round(candidates.length * target.percent() / 100.0);
        }
        if (take == candidates.length) {
            return candidates;
        }
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(candidates.length - i);
            int tmp = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = tmp;
        }
        int[] chosen = java.util.Arrays.copyOf(candidates, take);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static boolean matches(Map<String, String> labels, Map<String, String> selector) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
