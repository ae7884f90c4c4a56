package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;
import java.util.Set;

/** A plugin at the PreFilter and Filter extension points. */
public interface FilterPlugin {
    /** Separates the reasons of a Status that has several (NodeResourcesFit's shortfalls). */
    String REASON_SEPARATOR = "; ";

    /** PreFilter's Skip: this plugin's Filter does not run for the pod (compared by identity). */
    String SKIP = new String("Skip");

    String name();

    /**
     * Runs once per cycle before filtering: {@code null} to filter, {@link #SKIP}, or a reason that
     * rejects every node.
     */
    String preFilter(CompiledPod pod);

    /** {@code null} when the node fits, else the reason (a constant: no allocation on this path). */
    String filter(CompiledPod pod, int node);


    /** The node names PreFilter restricts filtering to, or null for all nodes (NodeAffinity only). */
    default Set<String> preFilterNodeNames(CompiledPod pod) {
        return null;
    }
}
