package io.nodesim.metrics;

import io.nodesim.kernel.SimTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code phase_*}: one step of the recovery chain of a replaced pod, fault → Unknown → NoExecute
 * taint → deleted → (replacement found no node → ) replacement scheduled → replacement Ready, each
 * phase ending where the next begins. The capacity wait runs from the replacement's first
 * Unschedulable verdict to its binding (0 when a node was free at once), and the reschedule phase
 * ends where it starts. Only pods that went through every step, in order, contribute (a pod whose
 * node came back, or that was never replaced, has no complete chain).
 *
 * @param step 0 for fault → Unknown, ..., 4 for the capacity wait, 5 for scheduled → Ready
 */
public record RecoveryPhase(int step, String name, String label, String doc) implements Metric {
    /** The number of phases: the chain has one more instant. */
    public static final int STEPS = 6;

    public RecoveryPhase {
        if (step < 0 || step >= STEPS) {
            throw new IllegalArgumentException("a recovery phase is step 0 to " + (STEPS - 1) + ", got " + step);
        }
    }

    @Override
    public MetricUnit unit() {
        return MetricUnit.SECONDS;
    }

    @Override
    public double[] samples(RunResult run) {
        return allSteps(run)[step];
    }

    /**
     * Every phase's samples of the run, indexed by step, each pod's chain built once (what measuring
     * all metrics of a run asks for, six phases at a time).
     */
    public static double[][] allSteps(RunResult run) {
        // only a deleted pod on a node that failed has a chain: the others are passed over at once
        Map<String, List<NodeRecord>> failed = new HashMap<>();
        for (NodeRecord e : run.nodes()) {
            if (e.failedAt() != SimTime.NEVER) {
                failed.computeIfAbsent(e.node(), k -> new ArrayList<>()).add(e);
            }
        }
        double[][] out = new double[STEPS][run.pods().size()];
        int n = 0;
        for (PodRecord p : run.pods()) {
            if (p.deletedAt() == SimTime.NEVER) {
                continue;
            }
            long[] t = chain(p, failed.get(p.node()));
            if (t != null) {
                for (int step = 0; step < STEPS; step++) {
                    out[step][n] = SimTime.toSeconds(t[step + 1] - t[step]);
                }
                n++;
            }
        }
        for (int step = 0; step < STEPS; step++) {
            out[step] = Arrays.copyOf(out[step], n);
        }
        return out;
    }

    /** Each node's NotReady episodes (rows of nodes.csv), in episode order. */
    public static Map<String, List<NodeRecord>> episodesByNode(RunResult run) {
        Map<String, List<NodeRecord>> nodes = new HashMap<>();
        run.nodes().forEach(n -> nodes.computeIfAbsent(n.node(), k -> new ArrayList<>()).add(n));
        return nodes;
    }

    /**
     * The chain of {@code p} through the episode of its node that deleted it: the last one whose fault
     * came before the deletion (a node that failed several times has one chain per pod, not one measured
     * from its first taint).
     */
    public static long[] chain(PodRecord p, List<NodeRecord> episodes) {
        if (episodes == null) {
            return null;
        }
        NodeRecord episode = null;
        for (int i = 0; i < episodes.size(); i++) {
            NodeRecord e = episodes.get(i);
            if (e.failedAt() != SimTime.NEVER && e.failedAt() <= p.deletedAt()) {
                episode = e;
            }
        }
        return chain(p, episode);
    }

    /**
     * The seven instants fault, Unknown, NoExecute taint, deleted, start of the wait for capacity,
     * replacement scheduled, replacement Ready of a pod on {@code node}; null unless all of them
     * happened, in that order.
     */
    public static long[] chain(PodRecord p, NodeRecord node) {
        if (node == null || p.workload() == null) {
            return null;
        }
        long unschedulable = p.replacementUnschedulableAt();
        long waitFrom = unschedulable == SimTime.NEVER || unschedulable > p.replacementScheduledAt()
                ? p.replacementScheduledAt() : Math.max(unschedulable, p.deletedAt());
        long[] t = {node.failedAt(), node.unknownAt(), node.noExecuteTaintAt(), p.deletedAt(), waitFrom,
            p.replacementScheduledAt(), p.replacementReadyAt()};
        for (int i = 0; i < t.length; i++) {
            if (t[i] == SimTime.NEVER || (i > 0 && t[i] < t[i - 1])) {
                return null;
            }
        }
        return t;
    }
}
