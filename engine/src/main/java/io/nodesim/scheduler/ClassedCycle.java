package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.ScorePlugin;
import java.util.Arrays;

/**
 * A scheduling cycle of a template that has run many, over its {@link ScoreClasses}: the Filter walk
 * from {@code nextStartNodeIndex} to the K-th feasible node and the count of each class's nodes on it
 * take a few population counts per 64 nodes, and Score, NormalizeScore and the choice run once per
 * class met instead of once per node ({@link #scoreByClass}); the tie drawn is then found
 * among the window's bits. Same window, same totals, same draw from the ties stream: the same node as
 * the node-by-node cycle. When many classes share the window, reading each node's class is cheaper
 * and the window is walked position by position instead.
 *
 * <p>It applies when whether a node is feasible depends on that node alone (every active filter
 * node-local, no nominated pod) and the pod may go to any node; otherwise, and when it finds no node
 * (a cycle that fails lists every rejection), the scheduler walks node by node.
 */
final class ClassedCycle {
    /** The cycle runs node by node instead. */
    static final int NOT_HERE = -2;
    /** A plugin active this cycle scores node by node and cannot class nodes. */
    private static final int NOT_BY_CLASS = -1;

    private final SchedulerCache nodes;
    private final CycleFiltering filtering;
    private final CycleScoring scoring;
    private final ScorePlugins plugins;
    private final int width;
    private final long[] key;
    /** Per class met in a cycle: its total, and one plugin's raw scores. */
    private long[] classTotals = new long[0];
    private long[] classRaw = new long[0];
    private int[] identity = new int[0];
    /** Per feasible position of a cycle walked position by position: its class. */
    private int[] classOf = new int[0];
    private int visited;
    private long byBits;
    private long byWindow;

    ClassedCycle(SchedulerCache nodes, CycleFiltering filtering, CycleScoring scoring, ScorePlugins plugins) {
        this.nodes = nodes;
        this.filtering = filtering;
        this.scoring = scoring;
        this.plugins = plugins;
        this.width = plugins.classKeyWidth();
        this.key = new long[width];
    }

    /** Cycles that counted their window's classes with population counts. */
    long byBits() {
        return byBits;
    }

    /** Cycles that read their window's classes node by node. */
    long byWindow() {
        return byWindow;
    }

    /** How many nodes the last cycle that ran here looked at. */
    int visited() {
        return visited;
    }

    /**
     * The cycle over {@code order} (every node, after PreFilter): the chosen node, or
     * {@link #NOT_HERE}. A template's first cycles walk node by node: classing every node costs
     * about as much as walking all of them once.
     */
    int run(CompiledPod pod, NodeResultCache.Way way, int[] order) {
        int n = order.length;
        int k = filtering.feasibleToFind(n);
        boolean classed = way.classes != null && way.classes.epoch == way.epoch;
        if (!filtering.nodeLocal() || (!classed && ++way.walks <= n / k)) {
            return NOT_HERE;
        }
        plugins.preScoreLocal(pod);
        ScoreClasses classes = sync(pod, way, order);
        int feasibleNodes = classes.feasibleCount();
        if (feasibleNodes == 0) {
            return NOT_HERE;
        }
        int from = filtering.nextStartNodeIndex() % n;
        int found = Math.min(k, feasibleNodes);
        int seen = feasibleNodes >= k ? classes.windowLength(from, k, n) : n;
        visited = seen;
        filtering.walked(found, seen, n);
        classes.beginCycle();
        boolean byBits = found > 1 && classes.bitsKept() && classes.nonEmpty() * ((seen >>> 6) + 2) * 3 <= seen;
        if (byBits) {
            this.byBits++;
            classes.meetWindow(from, seen, n, order);
        } else {
            byWindow++;
            walkWindow(classes, from, seen, n, order);
            if (found == 1) {
                scoring.single();
                return filtering.feasible()[0];
            }
        }
        int ties = scoreByClass(pod, way, classes, found);
        if (ties == NOT_BY_CLASS) {
            if (byBits) {
                walkWindow(classes, from, seen, n, order);
            }
            long[] totals = scoring.totals();
            for (int i = 0; i < found; i++) {
                totals[i] = classes.localSum(classOf[i]);
            }
            return scoring.scoreGathered(pod, filtering.feasible(), found, way);
        }
        int chosen = scoring.drawTie(ties);
        if (byBits) {
            return order[classes.nthTop(chosen, from, seen, n)];
        }
        int[] feasible = filtering.feasible();
        for (int i = 0; i < found; i++) {
            if (classes.isTop(classOf[i]) && chosen-- == 0) {
                return feasible[i];
            }
        }
        throw new IllegalStateException("fewer tied nodes than counted");
    }

    /**
     * Score by class over the {@code found} feasible nodes of the classes met this cycle: the plugins
     * that read other nodes get PreScore by class, then each class is scored and normalised once
     * through one node of it, and the classes sharing the top total are marked. Returns how many
     * feasible nodes share it, or {@link #NOT_BY_CLASS} when an active plugin scores node by node and
     * cannot class nodes.
     */
    private int scoreByClass(CompiledPod pod, NodeResultCache.Way way, ScoreClasses classes, int found) {
        int present = classes.presentCount();
        int[] reps = classes.representatives();
        plugins.preScoreByClass(pod, reps, classes.multiplicities(), present, found);
        plugins.sortOut(pod, false);
        for (int p = 0; p < plugins.count(); p++) {
            if (plugins.perNode[p] && !classes.classed(plugins.keyPart(p))) {
                return NOT_BY_CLASS;
            }
        }
        if (classTotals.length < present) {
            int n = Math.max(present, classTotals.length * 2);
            classTotals = new long[n];
            classRaw = new long[n];
            identity = new int[n];
            Arrays.setAll(identity, i -> i);
        }
        long[] total = classTotals;
        long[] r = classRaw;
        for (int k = 0; k < present; k++) {
            total[k] = classes.localSum(classes.present(k));
        }
        for (int p = 0; p < plugins.count(); p++) {
            if (!plugins.perNode[p]) {
                continue;
            }
            ScorePlugin s = plugins.scorers[p];
            plugins.rawScores(p, pod, way, reps, present, r);
            long[] norm = r;
            int[] index = identity;
            if (plugins.normalizes[p]) {
                int[] byClass = s.normalizeByClass(present);
                if (byClass != null) {
                    index = byClass;
                    norm = s.classScores();
                } else {
                    s.normalize(reps, r, present);
                }
            }
            long w = plugins.weights[p];
            for (int k = 0; k < present; k++) {
                long score = norm[index[k]];
                ScorePlugins.checkRange(s, score);
                total[k] += w * score;
            }
        }
        long best = Long.MIN_VALUE;
        for (int k = 0; k < present; k++) {
            best = Math.max(best, total[k]);
        }
        int count = 0;
        int[] nodesOf = classes.multiplicities();
        for (int k = 0; k < present; k++) {
            boolean top = total[k] == best;
            classes.markTop(k, top);
            if (top) {
                count += nodesOf[k];
            }
        }
        return count;
    }

    /** The window's feasible nodes and their classes, position by position, each class met. */
    private void walkWindow(ScoreClasses classes, int from, int length, int n, int[] order) {
        int[] feasible = filtering.feasible();
        if (classOf.length < n) {
            classOf = new int[n];
        }
        int found = 0;
        int position = from;
        for (int i = 0; i < length; i++) {
            int c = classes.classAt(position);
            if (c >= 0) {
                int node = order[position];
                feasible[found] = node;
                classOf[found++] = c;
                classes.met(c, node);
            }
            if (++position == n) {
                position = 0;
            }
        }
    }

    /** The way's classes, brought up to date with every node change since they were last used. */
    private ScoreClasses sync(CompiledPod pod, NodeResultCache.Way way, int[] order) {
        ScoreClasses classes = way.classes;
        long now = nodes.generation();
        if (classes == null || classes.epoch != way.epoch || now - classes.seen >= SchedulerCache.TOUCH_LOG
                || classes.classes() > 4 * classes.nonEmpty() + 64) {
            if (classes == null || classes.positions() != order.length) {
                classes = new ScoreClasses(way.epoch, order.length, width);
            } else {
                classes.reset(way.epoch);
            }
            for (int position = 0; position < order.length; position++) {
                classes.set(position, classify(pod, order[position], way, classes));
            }
            way.classes = classes;
        } else {
            for (long g = classes.seen + 1; g <= now; g++) {
                int node = nodes.touchedAt(g);
                // a later change of the same node comes up later in the log
                if (nodes.nodeGeneration(node) == g) {
                    int position = nodes.orderPosition(node);
                    if (position >= 0) {
                        classes.set(position, classify(pod, node, way, classes));
                    }
                }
            }
        }
        classes.seen = now;
        return classes;
    }

    private int classify(CompiledPod pod, int node, NodeResultCache.Way way, ScoreClasses classes) {
        if (!filtering.passes(pod, node, way)) {
            return -1;
        }
        plugins.classKey(pod, node, way, key);
        return classes.classOf(key);
    }
}
