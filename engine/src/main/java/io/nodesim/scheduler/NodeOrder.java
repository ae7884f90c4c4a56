package io.nodesim.scheduler;

import io.nodesim.kernel.IntList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the scheduler walks nodes (kubernetes pkg/scheduler/backend/cache/node_tree.go):
 * zones in order of first appearance, nodes of a zone in insertion order, and the list takes node 0
 * of every zone, then node 1 of every zone, and so on. A removed node leaves its zone's order intact;
 * an emptied zone is dropped. Round-robin filtering over this list spreads consecutive pods over zones.
 */
final class NodeOrder {
    /** Each zone's nodes in insertion order, unboxed: a 100,000-node cluster would box every index. */
    private final Map<String, IntList> zones = new LinkedHashMap<>();
    private int size;
    private int[] list = new int[0];
    /** Per node slot its index in {@link #list}, or -1. */
    private int[] position = new int[0];
    private boolean stale;

    void add(int node, String zoneKey) {
        zones.computeIfAbsent(zoneKey, z -> new IntList(16)).add(node);
        size++;
        stale = true;
    }

    void remove(int node, String zoneKey) {
        IntList nodes = zones.get(zoneKey);
        if (nodes != null && nodes.removeFirst(node)) {
            size--;
            if (nodes.isEmpty()) {
                zones.remove(zoneKey);
            }
            stale = true;
        }
    }

    int size() {
        return size;
    }

    /** The index of a node in {@link #list()}, or -1 when it is not in it. */
    int position(int node) {
        if (stale) {
            rebuild();
        }
        return node < position.length ? position[node] : -1;
    }

    /** The zone-interleaved node list; the returned array is shared and rebuilt only on changes. */
    int[] list() {
        if (stale) {
            rebuild();
        }
        return list;
    }

    private void rebuild() {
        int[] out = new int[size];
        int n = 0;
        List<IntList> lists = new ArrayList<>(zones.values());
        for (int index = 0; n < size; index++) {
            for (IntList zone : lists) {
                if (index < zone.size()) {
                    out[n++] = zone.get(index);
                }
            }
        }
        list = Arrays.copyOf(out, n);
        int slots = 0;
        for (int node : list) {
            slots = Math.max(slots, node + 1);
        }
        position = new int[slots];
        Arrays.fill(position, -1);
        for (int i = 0; i < n; i++) {
            position[list[i]] = i;
        }
        stale = false;
    }
}
