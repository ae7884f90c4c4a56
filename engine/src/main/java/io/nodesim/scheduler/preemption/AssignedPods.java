package io.nodesim.scheduler.preemption;

import io.nodesim.cluster.PodTable;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodePods;
import java.util.Arrays;

/**
 * The pods of the scheduler cache's {@code NodeInfo.Pods} one by one (kubernetes
 * pkg/scheduler/framework/types.go), as preemption needs them: which pods stand on a node, their
 * priority, their start time ({@code MoreImportantPod}, {@code GetEarliestPodStartTime}) and whether
 * they are Terminating because the scheduler preempted them ({@code podTerminatingByPreemption}).
 * Every change goes through here and on to the {@link NodePods} sums, so both stay one view. A
 * histogram of the priorities on nodes answers "is any pod below this priority?" without a walk.
 */
public final class AssignedPods {
    private final NodePods sums;
    private CompiledPod[] template = new CompiledPod[16];
    private int[] node = new int[16];
    private long[] startTime = new long[16];
    private boolean[] terminating = new boolean[16];
    private boolean[] preempted = new boolean[16];
    private int[] next = new int[16];
    private int[] prev = new int[16];
    private int[] head = new int[16];
    private int[] priorities = new int[4];
    private int[] priorityCounts = new int[4];
    private int distinctPriorities;

    public AssignedPods(NodePods sums) {
        this.sums = sums;
        Arrays.fill(node, -1);
        Arrays.fill(head, -1);
    }

    /**
     * Records a pod the {@link NodePods} sums already count (the t = 0 placement, the scheduler's
     * assume): only its identity is added here.
     */
    public void track(int pod, CompiledPod t, int n, long started) {
        ensurePod(pod);
        ensureNode(n);
        template[pod] = t;
        node[pod] = n;
        startTime[pod] = started;
        terminating[pod] = false;
        preempted[pod] = false;
        link(pod, n);
        count(t.priority, 1);
    }

    /** A pod bound by another path (spec.nodeName) enters the cache. */
    public void add(int pod, CompiledPod t, int n, long started) {
        sums.addPod(t, n);
        track(pod, t, n, started);
    }

    /** The pod's deletion timestamp reached the cache: Terminating, it keeps its room until it is gone. */
    public void markTerminating(int pod) {
        sums.markTerminating(template[pod], node[pod]);
        terminating[pod] = true;
    }

    /** The scheduler preempted the pod (its DisruptionTarget condition, reason PreemptionByScheduler). */
    public void markPreempted(int pod) {
        if (pod < preempted.length) {
            preempted[pod] = true;
        }
    }

    /** The pod's object is gone (or its binding was forgotten): it leaves the node. */
    public void remove(int pod) {
        int n = node[pod];
        if (terminating[pod]) {
            sums.removeTerminatingPod(template[pod], n);
        } else {
            sums.removePod(template[pod], n);
        }
        unlink(pod, n);
        count(template[pod].priority, -1);
        node[pod] = -1;
        template[pod] = null;
    }

    /** True when the pod stands in the cache on some node. */
    public boolean isAssigned(int pod) {
        return pod < node.length && node[pod] >= 0;
    }

    public int first(int n) {
        return n < head.length ? head[n] : -1;
    }

    public int next(int pod) {
        return next[pod];
    }

    public CompiledPod template(int pod) {
        return template[pod];
    }

    public int priority(int pod) {
        return template[pod].priority;
    }

    public long startTime(int pod) {
        return startTime[pod];
    }

    public boolean terminating(int pod) {
        return terminating[pod];
    }

    /** podTerminatingByPreemption: Terminating and preempted by the scheduler. */
    public boolean terminatingByPreemption(int pod) {
        return terminating[pod] && preempted[pod];
    }

    /** True when some pod on a node has a priority below {@code priority}: only then can preemption help. */
    public boolean anyBelow(int priority) {
        for (int i = 0; i < distinctPriorities; i++) {
            if (priorities[i] < priority && priorityCounts[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Takes a pod off its node's sums for a dry run (its identity stays); undo with {@link #restore}. */
    void lift(int pod) {
        if (terminating[pod]) {
            sums.removeTerminatingPod(template[pod], node[pod]);
        } else {
            sums.removePod(template[pod], node[pod]);
        }
    }

    void restore(int pod) {
        sums.addPod(template[pod], node[pod]);
        if (terminating[pod]) {
            sums.markTerminating(template[pod], node[pod]);
        }
    }

    private void count(int priority, int delta) {
        for (int i = 0; i < distinctPriorities; i++) {
            if (priorities[i] == priority) {
                priorityCounts[i] += delta;
                return;
            }
        }
        if (distinctPriorities == priorities.length) {
            priorities = Arrays.copyOf(priorities, distinctPriorities * 2);
            priorityCounts = Arrays.copyOf(priorityCounts, distinctPriorities * 2);
        }
        priorities[distinctPriorities] = priority;
        priorityCounts[distinctPriorities++] = delta;
    }

    /** Appends at the tail, so a node lists its pods in the order they came (NodeInfo.Pods). */
    private void link(int pod, int n) {
        next[pod] = -1;
        if (head[n] < 0) {
            head[n] = pod;
            prev[pod] = pod;
        } else {
            int tail = prev[head[n]];
            next[tail] = pod;
            prev[pod] = tail;
            prev[head[n]] = pod;
        }
    }

    private void unlink(int pod, int n) {
        int h = head[n];
        if (h == pod) {
            head[n] = next[pod];
            if (next[pod] >= 0) {
                prev[next[pod]] = prev[pod];
            }
            return;
        }
        next[prev[pod]] = next[pod];
        if (next[pod] >= 0) {
            prev[next[pod]] = prev[pod];
        } else {
            prev[h] = prev[pod];
        }
    }

    private void ensurePod(int pod) {
        if (pod >= template.length) {
            int c = PodTable.capacityFor(pod, template.length);
            int old = node.length;
            template = Arrays.copyOf(template, c);
            node = Arrays.copyOf(node, c);
            Arrays.fill(node, old, c, -1);
            startTime = Arrays.copyOf(startTime, c);
            terminating = Arrays.copyOf(terminating, c);
            preempted = Arrays.copyOf(preempted, c);
            next = Arrays.copyOf(next, c);
            prev = Arrays.copyOf(prev, c);
        }
    }

    private void ensureNode(int n) {
        if (n >= head.length) {
            int c = Math.max(n + 1, head.length * 2);
            int old = head.length;
            head = Arrays.copyOf(head, c);
            Arrays.fill(head, old, c, -1);
        }
    }
}
