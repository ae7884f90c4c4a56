package io.nodesim.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.NodeGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The identity of every node of a scenario, expanded once from its node groups: name, zone,
 * labels (the template's, plus {@code kubernetes.io/hostname} and {@code topology.kubernetes.io/zone}),
 * creation time. A node's zone is read from its labels as the controllers read it
 * ({@link WellKnownLabels#zone}): a node with only the deprecated zone label (a kubelet before 1.17) is in that zone. Node index {@code i} means the same node to the API-server state
 * ({@link NodeObjects}), the scheduler's cache (built from {@link #template} in index order) and
 * fault targeting ({@link #resolve}), because all of them are built from this one list.
 */
public final class Topology {
    /** The topology last expanded and the groups it was expanded from: the loader and the run share it. */
    private static volatile Expanded last;

    private record Expanded(List<NodeGroup> groups, Topology topology) {
    }

    private final String[] names;
    private final int[] zone;
    private final List<String> zones;
    private final boolean[] excludedFromDisruption;
    private final NodeGroup[] group;
    /** Per node: its index within its group. */
    private final int[] member;
    private final Map<String, Integer> byName;

    private Topology(List<NodeGroup> groups) {
        int n = 0;
        for (NodeGroup g : groups) {
            n += g.slots();
        }
        names = new String[n];
        member = new int[n];
        zone = new int[n];
        excludedFromDisruption = new boolean[n];
        group = new NodeGroup[n];
        byName = new HashMap<>(n * 2);
        Map<String, Integer> zoneIndex = new HashMap<>();
        List<String> zoneNames = new ArrayList<>();
        int i = 0;
        for (NodeGroup g : groups) {
            Map<String, String> base = templateLabels(g);
            boolean excluded = base.containsKey(WellKnownLabels.EXCLUDE_DISRUPTION);
            for (int k = 0; k < g.slots(); k++, i++) {
                names[i] = g.nodeName(k);
                group[i] = g;
                member[i] = k;
                byName.put(names[i], i);
                String deprecated = base.get(WellKnownLabels.DEPRECATED_ZONE);
                String z = deprecated != null ? deprecated : zoneLabel(g, k, base);
                zone[i] = zoneIndex.computeIfAbsent(z, key -> {
                    zoneNames.add(key);
                    return zoneNames.size() - 1;
                });
                excludedFromDisruption[i] = excluded;
            }
        }
        zones = List.copyOf(zoneNames);
    }

    /**
     * The nodes of the groups, pool members in index order, groups in order. Expanding 100,000 nodes
     * takes a noticeable fraction of a second, so the last groups' topology is kept for the next caller
     * (the loader checks fault targets on it, then the run uses it): it is immutable.
     */
    public static Topology of(List<NodeGroup> groups) {
        Expanded known = last;
        if (known != null && sameGroups(known.groups(), groups)) {
            return known.topology();
        }
        Topology t = new Topology(groups);
        last = new Expanded(groups, t);
        return t;
    }

    /** The same group objects in the same order (a scenario's list may be a copy of the loader's). */
    private static boolean sameGroups(List<NodeGroup> a, List<NodeGroup> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> templateLabels(NodeGroup g) {
        return g.template().getMetadata() == null || g.template().getMetadata().getLabels() == null
                ? Map.of() : g.template().getMetadata().getLabels();
    }

    /** The zone label the node carries: its group's zone for it, else the template's own, else "". */
    private static String zoneLabel(NodeGroup g, int member, Map<String, String> base) {
        String own = g.zone(member);
        return !own.isEmpty() ? own : base.getOrDefault(WellKnownLabels.ZONE, "");
    }

    public int size() {
        return names.length;
    }

    public String name(int node) {
        return names[node];
    }

    /** The index of the named node, or -1. */
    public int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    /** The node's zone, an index into {@link #zones}. */
    public int zone(int node) {
        return zone[node];
    }

    /** The zones in order of first appearance; "" stands for the nodes without a zone label. */
    public List<String> zones() {
        return zones;
    }

    public String zoneName(int node) {
        return zones.get(zone[node]);
    }

    /** The node's {@code topology.kubernetes.io/zone} label, "" when it has none (only the deprecated one, or no zone). */
    public String zoneLabel(int node) {
        return zoneLabel(group[node], member[node], templateLabels(group[node]));
    }

    /** The node's labels: its template's, its hostname and its zone (built on each call). */
    public Map<String, String> labels(int node) {
        Map<String, String> l = new HashMap<>(templateLabels(group[node]));
        l.put(WellKnownLabels.HOSTNAME, names[node]);
        String own = group[node].zone(member[node]);
        if (!own.isEmpty()) {
            l.put(WellKnownLabels.ZONE, own);
        }
        return Collections.unmodifiableMap(l);
    }

    /** Whether the node has every label of {@code selector}, without building its label map. */
    private boolean hasLabels(int node, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return true;
        }
        Map<String, String> base = templateLabels(group[node]);
        String own = group[node].zone(member[node]);
        for (Map.Entry<String, String> e : selector.entrySet()) {
            String value = switch (e.getKey()) {
                case WellKnownLabels.HOSTNAME -> names[node];
                case WellKnownLabels.ZONE -> own.isEmpty() ? base.get(WellKnownLabels.ZONE) : own;
                default -> base.get(e.getKey());
            };
            if (value == null || !value.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Carries {@code node.kubernetes.io/exclude-disruption} (whether that counts depends on the release). */
    public boolean excludedFromDisruption(int node) {
        return excludedFromDisruption[node];
    }

    /** The Node object the node is built from (labels, taints, allocatable, images). */
    public Node template(int node) {
        return group[node].template();
    }

    /**
     * When the Node object is created, {@link NodeGroup#BEFORE_START} for the nodes of t = 0,
     * {@link NodeGroup#ON_DEMAND} for an autoscaled pool's slot no scale-up has asked for.
     */
    public long joinAt(int node) {
        return group[node].joinAt(member[node]);
    }

    public boolean joins(int node) {
        return group[node].joins(member[node]);
    }

    /** The scenario node group the node belongs to. */
    public NodeGroup group(int node) {
        return group[node];
    }

    /** The delay from a joining node's creation to its kubelet's first status; null: never. */
    public DurationDistribution kubeletReadyAfter(int node) {
        return group[node].kubeletReadyAfter();
    }

    /** The nodes that satisfy every criterion of the target, in index order (before count / percent). */
    public int[] candidates(FaultTarget target) {
        int z = target.zone() == null ? -1 : zones.indexOf(target.zone());
        if (target.zone() != null && z < 0) {
            return new int[0];
        }
        int[] out = new int[names.length];
        int found = 0;
        for (int i = 0; i < names.length; i++) {
            if ((target.nodes().isEmpty() || target.nodes().contains(names[i])) && (z < 0 || zone[i] == z)
                    && hasLabels(i, target.selector())) {
                out[found++] = i;
            }
        }
        return Arrays.copyOf(out, found);
    }

    /**
     * Binds a target to node indices: {@link #candidates}, then {@code count} or {@code percent}
     * draws that many without replacement from {@code rng} (a partial Fisher–Yates shuffle, so the
     * draw is reproducible); the chosen nodes are returned in index order.
     */
    public int[] resolve(FaultTarget target, RandomGenerator rng) {
        for (String name : target.nodes()) {
            if (indexOf(name) < 0) {
                throw new IllegalArgumentException("fault target node " + name + " does not exist");
            }
        }
        if (target.zone() != null && !zones.contains(target.zone())) {
            throw new IllegalArgumentException("fault target zone " + target.zone() + " has no node");
        }
        int[] candidates = candidates(target);
        int take = candidates.length;
        if (target.count() != null) {
            take = Math.min(target.count(), candidates.length);
        } else if (target.percent() != null) {
            take = (int) Math.round(candidates.length * target.percent() / 100.0);
        }
        if (take == candidates.length) {
            return candidates;
        }
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(candidates.length - i);
            int tmp = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(candidates, take);
        Arrays.sort(chosen);
        return chosen;
    }
}
