package io.nodesim.scheduler;

import io.nodesim.cluster.PodTable;
import java.util.Arrays;

/**
 * The scheduling queue's nominator (kubernetes pkg/scheduler/backend/queue/nominator.go): pods that
 * preempted and wait for their victims to go carry {@code status.nominatedNodeName}; while they wait,
 * the filters of a pod of lower or equal priority see them on that node
 * ({@code RunFilterPluginsWithNominatedPods}, {@code addGENominatedPods}), so the room their
 * victims free is not taken by pods that could not have preempted for it. Pods are the caller's
 * ints; per node a short linked list (nominations are few).
 */
public final class NominatedPods {
    private int[] nodeOf = new int[16];
    private int[] next = new int[16];
    private CompiledPod[] template = new CompiledPod[16];
    private int[] head = new int[0];
    private int[] countOn = new int[0];
    private int total;

    public NominatedPods() {
        Arrays.fill(nodeOf, -1);
    }

    /** How many pods are nominated anywhere (0 keeps the filter loop on its plain path). */
    public int total() {
        return total;
    }

    public int countOn(int node) {
        return node < countOn.length ? countOn[node] : 0;
    }

    /** The pod's nominated node, -1 when it has none. */
    public int nodeOf(int pod) {
        return pod < nodeOf.length ? nodeOf[pod] : -1;
    }

    /** Sets (or moves) the pod's nomination. */
    public void nominate(int pod, CompiledPod t, int node) {
        clear(pod);
        ensurePod(pod);
        ensureNode(node);
        nodeOf[pod] = node;
        template[pod] = t;
        next[pod] = head[node];
        head[node] = pod;
        countOn[node]++;
        total++;
    }

    /** Clears the pod's nomination (bound, deleted, or preemption found nothing for it). */
    public void clear(int pod) {
        int node = nodeOf(pod);
        if (node < 0) {
            return;
        }
        if (head[node] == pod) {
            head[node] = next[pod];
        } else {
            for (int p = head[node]; p >= 0; p = next[p]) {
                if (next[p] == pod) {
                    next[p] = next[pod];
                    break;
                }
            }
        }
        nodeOf[pod] = -1;
        template[pod] = null;
        countOn[node]--;
        total--;
    }

    /**
     * Clears the nominations on {@code node} of pods with priority below {@code priority}
     * (prepareCandidate's getLowerPriorityNominatedPods); returns how many.
     */
    public int clearLowerOn(int node, int priority) {
        int cleared = 0;
        for (int p = node < head.length ? head[node] : -1; p >= 0;) {
            int following = next[p];
            if (template[p].priority < priority) {
                clear(p);
                cleared++;
            }
            p = following;
        }
        return cleared;
    }

    /**
     * Accounts on the node the nominated pods a pod of {@code priority} must leave room for: every
     * other pod nominated there with priority at least its own. Returns how many; undo with
     * {@link #removeFrom} with the same arguments before anything else changes.
     */
    int addTo(NodePods pods, int node, int priority, int except) {
        int added = 0;
        for (int p = head[node]; p >= 0; p = next[p]) {
            if (p != except && template[p].priority >= priority) {
                pods.addPod(template[p], node);
                added++;
            }
        }
        return added;
    }

    void removeFrom(NodePods pods, int node, int priority, int except) {
        for (int p = head[node]; p >= 0; p = next[p]) {
            if (p != except && template[p].priority >= priority) {
                pods.removePod(template[p], node);
            }
        }
    }

    private void ensurePod(int pod) {
        if (pod >= nodeOf.length) {
            int c = PodTable.capacityFor(pod, nodeOf.length);
            int old = nodeOf.length;
            nodeOf = Arrays.copyOf(nodeOf, c);
            Arrays.fill(nodeOf, old, c, -1);
            next = Arrays.copyOf(next, c);
            template = Arrays.copyOf(template, c);
        }
    }

    private void ensureNode(int node) {
        if (node >= head.length) {
            int c = Math.max(node + 1, head.length * 2);
            int old = head.length;
            head = Arrays.copyOf(head, c);
            Arrays.fill(head, old, c, -1);
            countOn = Arrays.copyOf(countOn, c);
        }
    }
}
