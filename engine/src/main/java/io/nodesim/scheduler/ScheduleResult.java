package io.nodesim.scheduler;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scheduling cycle.
 *
 * @param node the chosen node's index, or -1 when the pod is unschedulable
 * @param nodeName the chosen node's name, or null
 * @param totalScore Σ weight × normalised score of the chosen node (0 when chosen without scoring)
 * @param feasibleNodes nodes that passed every filter (at most numFeasibleNodesToFind)
 * @param evaluatedNodes nodes filtered this cycle (feasible + rejected)
 * @param tieNodes indices of the nodes sharing the top total (the chosen one among them)
 * @param reasons for an unschedulable pod: rejection reason → number of nodes
 * @param explanation per-node per-plugin scores and filter reasons, when asked for; else null
 */
public record ScheduleResult(
        String pod,
        int node,
        String nodeName,
        long totalScore,
        int feasibleNodes,
        int evaluatedNodes,
        int[] tieNodes,
        Map<String, Integer> reasons,
        Explanation explanation) {
    /** The FitError of a cluster without nodes (schedule_one.go {@code ErrNoNodesAvailable}). */
    static final String NO_NODES = "no nodes available to schedule pods";


    /** Names of the nodes in the tie set. */
    public List<String> tieSet(SchedulerCache nodes) {
        return java.util.Arrays.stream(tieNodes).mapToObj(nodes::name).toList();
    }

    public boolean scheduled() {
        return node >= 0;
    }

    /** kube-scheduler's FitError text: "0/5 nodes are available: 3 Insufficient cpu, 2 ...". */
    public String message() {
        if (scheduled()) {
            return "scheduled on " + nodeName;
        }
        if (reasons.containsKey(NO_NODES)) {
            return NO_NODES;
        }
        List<String> parts = reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).sorted().toList();
        return "0/" + evaluatedNodes + " nodes are available: " + String.join(", ", parts) + ".";
    }

    /**
     * What kube-scheduler-simulator shows per node: for a feasible node each plugin's raw and
     * normalised score, for a rejected node the plugin and reason.
     */
    public record Explanation(List<String> plugins, int[] weights, List<NodeScores> feasible, List<Rejection> rejected) {
    }

    /** Raw and normalised score per plugin (index as in {@link Explanation#plugins}); skipped plugins have null. */
    public record NodeScores(String node, long[] raw, long[] normalized, boolean[] skipped, long total) {
    }

    public record Rejection(String node, String plugin, String reason) {
    }
}
