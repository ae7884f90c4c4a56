package io.nodesim.nodelifecycle;

/** Test access to the package-private name rule. */
public final class DisruptionExclusionProbe {
    private DisruptionExclusionProbe() {
    }

    public static boolean isMaster(String nodeName) {
        return DisruptionExclusion.legacyIsMasterNode(nodeName);
    }
}
