package io.nodesim.scheduler;

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
    /** One zone's nodes in insertion order, unboxed: a 100,000-node cluster would box every index. */
    private static final class ZoneNodes {
        private int[] nodes = new int[16];
        private int size;

        void add(int node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size++] = node;
        }

        boolean remove(int node) {
            for (int i = 0; i < size; i++) {
                if (nodes[i] == node) {
                    System.arraycopy(nodes, i + 1, nodes, i, size - i - 1);
                    size--;
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, ZoneNodes> zones = new LinkedHashMap<>();
    private int size;
    private int[] list = new int[0];
    /** Per node slot its index in {@link #list}, or -1. */
    private int[] position = new int[0];
    private boolean stale;

    void add(int node, String zoneKey) {
        zones.computeIfAbsent(zoneKey, z -> new ZoneNodes()).add(node);
        size++;
        stale = true;
    }

    void remove(int node, String zoneKey) {
        ZoneNodes nodes = zones.get(zoneKey);
        if (nodes != null && nodes.remove(node)) {
            size--;
            if (nodes.size == 0) {
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
        List<ZoneNodes> lists = new ArrayList<>(zones.values());
        for (int index = 0; n < size; index++) {
            for (ZoneNodes zone : lists) {
                if (index < zone.size) {
                    out[n++] = zone.nodes[index];
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
