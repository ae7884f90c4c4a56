package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Topology;

/**
 * Which nodes the node lifecycle controller leaves out of its zone counts
 * ({@code isNodeExcludedFromDisruptionChecks} in
 * {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}, 1.16–1.21; before 1.16 the same
 * name test was {@code system.IsMasterNode} in {@code pkg/util/system}). A node left out counts neither
 * as ready nor as not ready, so a zone whose only other node dies is fully disrupted, and if every
 * zone is, the controller enters master disruption mode and evicts nothing.
 */
final class DisruptionExclusion {
    private DisruptionExclusion() {
    }

    /** Per node (topology index): left out of its zone's counts. */
    static boolean[] excluded(Topology topology, NodeLifecycleSettings settings) {
        boolean[] out = new boolean[topology.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = settings.masterNamesExcluded() && legacyIsMasterNode(topology.name(i))
                    || settings.exclusionLabelHonoured() && topology.excludedFromDisruption(i);
        }
        return out;
    }

    /**
     * Upstream's cheap form of the regular expression {@code master(-...)?$}: the name ends in
     * {@code master}, or in {@code master-} followed by exactly three characters.
     */
    static boolean legacyIsMasterNode(String nodeName) {
        if (nodeName.endsWith("master")) {
            return true;
        }
        return nodeName.length() >= 10 && nodeName.substring(0, nodeName.length() - 3).endsWith("master-");
    }
}
