package io.nodesim.scenario;

import io.fabric8.kubernetes.api.model.Node;
import io.nodesim.kernel.DurationDistribution;
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
 * @param joinAt when the Node objects are created, or {@link #BEFORE_START}: they existed and
 *     were Ready before t = 0
 * @param kubeletReadyAfter how long after its creation a joining node's kubelet posts its first
 *     status (Ready); null: never (the node stays without status until node-startup-grace-period
 *     runs out). Only for a group with a joinAt or autoscaling.
 * @param autoscaling the pool's cluster-autoscaler node group, or null
 */
public record NodeGroup(String name, boolean pool, int count, List<String> zones, Node template, long joinAt,
        DurationDistribution kubeletReadyAfter, NodeAutoscaling autoscaling) {
    /** The {@link #joinAt} of a node that is part of the cluster from the start. */
    public static final long BEFORE_START = Long.MIN_VALUE;
    /** The creation time of an autoscaled pool's node slot that no scale-up has asked for (yet). */
    public static final long ON_DEMAND = Long.MAX_VALUE;

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
        if (joinAt != BEFORE_START && joinAt < 0) {
            throw new IllegalArgumentException("joinAt must be >= 0, got " + joinAt);
        }
        if (joinAt == BEFORE_START && kubeletReadyAfter != null && autoscaling == null) {
            throw new IllegalArgumentException("kubeletReadyAfter needs a joinAt or autoscaling");
        }
        if (autoscaling != null && (!pool || count < autoscaling.min() || count > autoscaling.max())) {
            throw new IllegalArgumentException("an autoscaled pool's count must lie within its min and max");
        }
    }

    /** A group that does not autoscale. */
    public NodeGroup(String name, boolean pool, int count, List<String> zones, Node template, long joinAt,
            DurationDistribution kubeletReadyAfter) {
        this(name, pool, count, zones, template, joinAt, kubeletReadyAfter, null);
    }

    /** Nodes that exist and are Ready before the scenario starts. */
    public NodeGroup(String name, boolean pool, int count, List<String> zones, Node template) {
        this(name, pool, count, zones, template, BEFORE_START, null, null);
    }

    /**
     * The node indices the group holds: {@link #count} nodes; an autoscaled pool holds twice its max,
     * the ones beyond count created only when cluster-autoscaler asks for them (a node its scale-down
     * deleted keeps its name, so a later scale-up takes a fresh one; the max limits the live nodes).
     */
    public int slots() {
        return autoscaling == null ? count : 2 * autoscaling.max();
    }

    /** When the index-th node of the group is created ({@link #ON_DEMAND}: when a scale-up asks for it). */
    public long joinAt(int index) {
        return index < count ? joinAt : ON_DEMAND;
    }

    /** True when the index-th node is created during the run (at its joinAt, or by a scale-up). */
    public boolean joins(int index) {
        return joinAt(index) != BEFORE_START;
    }

    /** True when the group's nodes are created during the run. */
    public boolean joins() {
        return joinAt != BEFORE_START;
    }

    public String nodeName(int index) {
        return pool ? name + "-" + index : name;
    }

    /** The zone of the index-th node of the group ("" when the node has no zone label). */
    public String zone(int index) {
        return zones.get(index % zones.size());
    }
}
