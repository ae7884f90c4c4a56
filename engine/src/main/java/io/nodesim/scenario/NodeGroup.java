package io.nodesim.scenario;

import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code spec.nodes}: a single node ({@code pool == false}, {@code count == 1}) or a
 * pool of {@code count} identical nodes named {@code <name>-0 ... <name>-(count-1)}, spread
 * round-robin over {@code zones}.
 *
 * @param template the node as a Kubernetes object: labels, taints, allocatable, images. Its
 *     {@code kubernetes.io/hostname} and {@code topology.kubernetes.io/zone} labels are set per
 *     node by {@link #nodeName} and {@link #zone}; the template itself is never mutated.
 */
public record NodeGroup(String name, boolean pool, int count, List<String> zones, Node template) {
    public NodeGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        if (count < 1) {
            throw new IllegalArgumentException("node count must be >= 1, got " + count);
        }
        if (!pool && count != 1) {
            throw new IllegalArgumentException("a single node has count 1");
        }
        zones = zones == null || zones.isEmpty() ? List.of("") : List.copyOf(zones);
    }

    public String nodeName(int index) {
        return pool ? name + "-" + index : name;
    }

    /** The zone of the index-th node of the group ("" when the node has no zone label). */
    public String zone(int index) {
        return zones.get(index % zones.size());
    }
}
