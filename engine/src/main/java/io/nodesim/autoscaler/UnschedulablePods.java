package io.nodesim.autoscaler;

import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import java.util.Arrays;

/**
 * cluster-autoscaler's view of the pods the scheduler gave up on ({@code utils/kubernetes/listers.go}
 * {@code UnschedulablePodLister}: Pending, PodScheduled=False with reason Unschedulable), in the
 * order their condition was first written. A pod leaves once bound or deleted.
 */
final class UnschedulablePods implements PodWatcher {
    private final PodTable pods;
    private int[] list = new int[16];
    private int size;
    private boolean[] listed = new boolean[16];

    UnschedulablePods(PodTable pods) {
        this.pods = pods;
    }

    @Override
    public void podUnschedulable(int pod, long time) {
        if (pod >= listed.length) {
            listed = Arrays.copyOf(listed, PodTable.capacityFor(pod, listed.length));
        }
        if (!listed[pod]) {
            listed[pod] = true;
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size++] = pod;
        }
    }

    /** The pods still Pending and not deleted, in order; bound or deleted ones are dropped. */
    int[] current() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int p = list[i];
            if (pods.node(p) < 0 && !pods.isDeleted(p) && !pods.isGone(p)) {
                list[kept++] = p;
            } else {
                listed[p] = false;
            }
        }
        size = kept;
        return Arrays.copyOf(list, size);
    }
}
