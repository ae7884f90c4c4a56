package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodeTable;
import io.nodesim.scheduler.PodSelector;
import java.util.Arrays;
import java.util.List;

/**
 * Counts pods matching a selector in a namespace on a node. Pods are counted per template, so the
 * selector is evaluated once per template and cycle, not once per pod
 * (podtopologyspread {@code countPodsMatchSelector}).
 */
final class MatchingPods {
    private int[] templates = new int[8];
    private int size;

    /** Selects the templates whose pods {@code selector} matches in {@code namespace}. */
    void select(NodeTable nodes, PodSelector selector, String namespace) {
        size = 0;
        List<CompiledPod> all = nodes.templates();
        for (int t = 0; t < all.size(); t++) {
            CompiledPod p = all.get(t);
            if (p != null && p.namespace.equals(namespace) && selector.matches(p.labels)) {
                if (size == templates.length) {
                    templates = Arrays.copyOf(templates, size * 2);
                }
                templates[size++] = t;
            }
        }
    }

    int count(NodeTable nodes, int node) {
        int c = 0;
        for (int i = 0; i < size; i++) {
            c += nodes.podsOfTemplate(node, templates[i]);
        }
        return c;
    }
}
