package io.nodesim.endpoints;

import java.util.Arrays;

/** A growable list of pod indices, reused without allocation once grown. */
final class PodList {
    private int[] pods = new int[4];
    private int size;

    void add(int pod) {
        if (size == pods.length) {
            pods = Arrays.copyOf(pods, size * 2);
        }
        pods[size++] = pod;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return pods[i];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** Moves every pod of {@code from} to the end of this list. */
    void takeAll(PodList from) {
        for (int i = 0; i < from.size; i++) {
            add(from.pods[i]);
        }
        from.clear();
    }
}
