package io.nodesim.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * The t = 0 placements of a sweep's replications, for the points that share them. Replication r of
 * every point draws from the same streams (common random numbers), so two points whose
 * {@link PlacementInputs} are equal place their pods on the same nodes with the same tie draws; the
 * second one replays the first one's choices instead of running the scheduling cycles again. The
 * scheduler's node-result cache starts cold after a replay, which changes no choice (it only
 * remembers answers that hold while a node is unchanged). Safe to share between threads.
 */
public final class PlacementMemo {
    /**
     * How many pod choices and tie bounds are kept (128 MB of ints) before new placements are no
     * longer remembered: a sweep of 100,000-pod replications keeps about 300 of them.
     */
    private static final long CAPACITY = 1L << 25;

    /**
     * One replication's placement.
     *
     * @param nodes per pod the scheduler placed, in placement order: its node, or -1
     * @param tieBounds the bound of every tie draw, in order (replayed on a fresh stream, they leave
     *     it where the placement left it)
     * @param nextStartNodeIndex where the scheduler's round-robin filtering resumes
     */
    record Placement(PlacementInputs inputs, long seed, int replication, int[] nodes, int[] tieBounds,
            int nextStartNodeIndex) {
    }

    private final List<Placement> placements = new ArrayList<>();
    private long kept;
    private int replayed;

    synchronized Placement find(PlacementInputs inputs, long seed, int replication) {
        for (Placement p : placements) {
            if (p.seed() == seed && p.replication() == replication && p.inputs().equals(inputs)) {
                replayed++;
                return p;
            }
        }
        return null;
    }

    synchronized void remember(Placement placement) {
        long size = placement.nodes().length + (long) placement.tieBounds().length;
        if (kept + size > CAPACITY) {
            return;
        }
        for (Placement p : placements) {
            if (p.seed() == placement.seed() && p.replication() == placement.replication()
                    && p.inputs().equals(placement.inputs())) {
                // another thread placed the same replication meanwhile: the same choices
                return;
            }
        }
        placements.add(placement);
        kept += size;
    }

    /** How many placements were replayed rather than scheduled. */
    public synchronized int replayed() {
        return replayed;
    }
}
