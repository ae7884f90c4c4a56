package io.nodesim.scenario.parse;

import io.nodesim.cluster.WellKnownLabels;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.NodeAutoscaling;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code spec.nodes}: single nodes ({@code name}) and pools ({@code pool} + {@code count}), each
 * turned into a {@link NodeGroup} whose template is a fabric8 {@link Node}.
 */
public final class NodeSection {

    static final List<String> NODE_FIELDS = List.of(
            "name", "zone", "region", "allocatable", "labels", "taints", "images", "unschedulable",
            "joinAt", "kubeletReadyAfter");
    static final List<String> POOL_FIELDS = List.of(
            "pool", "count", "zones", "region", "allocatable", "labels", "taints", "images", "unschedulable",
            "joinAt", "kubeletReadyAfter", "autoscaling");
    private static final List<String> AUTOSCALING_FIELDS = List.of("min", "max", "provisionDelay");
    /** nodesim's default: a cloud VM boots and its kubelet registers within about a minute. */
    static final String DEFAULT_PROVISION_DELAY = "constant(1m)";
    /** A kubelet that starts with the machine registers and reports Ready within seconds. */
    static final String DEFAULT_KUBELET_READY_AFTER = "constant(10s)";
    private static final List<String> TAINT_FIELDS = List.of("key", "value", "effect");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> IMAGE_FIELDS = List.of("names", "sizeBytes");
    /** RFC 1123 subdomain, as the API server requires of Node names. */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** Used when a node gives no allocatable (a common 4-CPU worker). */
    static final Map<String, Quantity> DEFAULT_ALLOCATABLE = Map.of(
            "cpu", new Quantity("4"), "memory", new Quantity("16Gi"), "pods", new Quantity("110"));

    private NodeSection() {
    }

    public static List<NodeGroup> read(YNode node, Path baseDir, Origins o) {
        YList list = Values.list(node, "nodes");
        if (list.items().isEmpty()) {
            throw list.loc().error("nodes", "a scenario needs at least one node");
        }
        List<NodeGroup> groups = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            String path = "nodes[" + i + "]";
            NodeGroup g = group(item, path, baseDir, o);
            for (int k = 0; k < g.slots(); k++) {
                String name = g.nodeName(k);
                String before = seen.putIfAbsent(name, path);
                if (before != null) {
                    throw item.loc().error(path, "node name \"" + name + "\" is already used by " + before
                            + "; node names must be unique");
                }
            }
            o.written(path, item);
            groups.add(g);
        }
        return groups;
    }

    private static NodeGroup group(YNode item, String path, Path baseDir, Origins o) {
        YMap map = Values.map(item, path);
        boolean pool = present(map, "pool");
        if (pool && present(map, "name")) {
            throw map.keys().get("name").error(path, "give either name (one node) or pool (several), not both");
        }
        if (!pool && !present(map, "name")) {
            throw map.loc().error(path, "required field missing: name (one node) or pool with count (several nodes)");
        }
        Section s = Section.of(item, path, pool ? POOL_FIELDS : NODE_FIELDS);
        String name = Values.string(s.get(pool ? "pool" : "name"), s.path(pool ? "pool" : "name"));
        if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 240) {
            throw s.get(pool ? "pool" : "name").loc().error(s.path(pool ? "pool" : "name"),
                    "\"" + name + "\" is not a valid node name (lower-case letters, digits, '-' and '.', "
                            + "starting and ending with a letter or digit)");
        }
        int count = 1;
        List<String> zones = new ArrayList<>();
        if (pool) {
            count = (int) Values.integer(s.require("count", "count (the number of nodes in the pool)"),
                    s.path("count"), 1, 10_000_000);
            if (s.has("zones")) {
                YList zl = Values.list(s.get("zones"), s.path("zones"));
                for (int z = 0; z < zl.items().size(); z++) {
                    zones.add(Values.string(zl.items().get(z), s.path("zones") + "[" + z + "]"));
                }
            }
        } else if (s.has("zone")) {
            zones.add(Values.string(s.get("zone"), s.path("zone")));
        }
        Map<String, String> labels = labels(s);
        sameAsDeprecatedLabel(s, labels, WellKnownLabels.DEPRECATED_ZONE, pool ? "zones" : "zone", zones);
        if (s.has("region")) {
            String region = Values.string(s.get("region"), s.path("region"));
            sameAsDeprecatedLabel(s, labels, WellKnownLabels.DEPRECATED_REGION, "region", List.of(region));
            labels.put(WellKnownLabels.REGION, region);
        }
        Map<String, Quantity> allocatable = new LinkedHashMap<>(DEFAULT_ALLOCATABLE);
        if (s.has("allocatable")) {
            YMap am = Values.map(s.get("allocatable"), s.path("allocatable"));
            for (Map.Entry<String, YNode> e : am.entries().entrySet()) {
                allocatable.put(e.getKey(), Values.quantity(e.getValue(), s.path("allocatable") + "." + e.getKey()));
            }
        } else {
            o.put(s.path("allocatable"), new SettingOrigin("default", "nodesim: cpu 4, memory 16Gi, pods 110"));
        }
        boolean unschedulable = s.has("unschedulable") && Values.bool(s.get("unschedulable"), s.path("unschedulable"));
        Node template = new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withTaints(taints(s)).withUnschedulable(unschedulable).endSpec()
                .withNewStatus().withAllocatable(allocatable).withCapacity(allocatable).withImages(images(s)).endStatus()
                .build();
        long joinAt = s.has("joinAt") ? Values.duration(s.get("joinAt"), s.path("joinAt")) : NodeGroup.BEFORE_START;
        NodeAutoscaling autoscaling = s.has("autoscaling") ? autoscaling(s, count, baseDir, o) : null;
        return new NodeGroup(name, pool, count, zones, template, joinAt,
                kubeletReadyAfter(s, joinAt != NodeGroup.BEFORE_START || autoscaling != null, baseDir, o), autoscaling);
    }

    /** A pool's {@code autoscaling: {min, max, provisionDelay}}: a cluster-autoscaler node group. */
    private static NodeAutoscaling autoscaling(Section pool, int count, Path baseDir, Origins o) {
        if (pool.has("joinAt")) {
            throw pool.get("joinAt").loc().error(pool.path("joinAt"),
                    "an autoscaled pool's nodes exist from the start (count) or join when cluster-autoscaler "
                            + "adds them: remove joinAt or autoscaling");
        }
        Section a = Section.of(pool.get("autoscaling"), pool.path("autoscaling"), AUTOSCALING_FIELDS);
        int min = (int) Values.integer(a.require("min", "min (the node group's MinSize)"), a.path("min"), 0, 1_000_000);
        int max = (int) Values.integer(a.require("max", "max (the node group's MaxSize)"), a.path("max"), 1, 1_000_000);
        if (min > max) {
            throw a.get("min").loc().error(a.path("min"), "min " + min + " is greater than max " + max);
        }
        if (count < min || count > max) {
            throw pool.get("count").loc().error(pool.path("count"), "the pool starts with count " + count
                    + " nodes, which must lie within its autoscaling min " + min + " and max " + max);
        }
        DurationDistribution delay;
        if (a.has("provisionDelay")) {
            delay = Values.distribution(a.get("provisionDelay"), a.path("provisionDelay"), baseDir);
        } else {
            o.put(a.path("provisionDelay"), new SettingOrigin("default", "nodesim: " + DEFAULT_PROVISION_DELAY));
            delay = Distributions.parse(DEFAULT_PROVISION_DELAY, baseDir);
        }
        return new NodeAutoscaling(min, max, delay);
    }

    /** {@code kubeletReadyAfter}: a distribution, or {@code never}; only for a node that joins. */
    private static DurationDistribution kubeletReadyAfter(Section s, boolean joins, Path baseDir, Origins o) {
        if (!joins) {
            if (s.has("kubeletReadyAfter")) {
                throw s.get("kubeletReadyAfter").loc().error(s.path("kubeletReadyAfter"),
                        "kubeletReadyAfter is for a node that joins during the run: give joinAt too (or autoscaling)");
            }
            return null;
        }
        if (!s.has("kubeletReadyAfter")) {
            o.put(s.path("kubeletReadyAfter"), new SettingOrigin("default", "nodesim: " + DEFAULT_KUBELET_READY_AFTER));
            return Distributions.parse(DEFAULT_KUBELET_READY_AFTER, baseDir);
        }
        YNode n = s.get("kubeletReadyAfter");
        if (n instanceof YScalar sc && sc.text().equals("never")) {
            return null;
        }
        try {
            return Values.distribution(n, s.path("kubeletReadyAfter"), baseDir);
        } catch (ScenarioException e) {
            throw n.loc().error(s.path("kubeletReadyAfter"), "expected never or a distribution ("
                    + Distributions.SYNTAX + ")");
        }
    }

    /**
     * A node has one zone (and region): the node lifecycle controller reads the deprecated label first
     * ({@code GetZoneKey}), topology spreads read {@code topology.kubernetes.io/zone} from the {@code zone} field,
     * so the two must agree. Without the field the deprecated label alone gives the zone ({@code Topology}).
     */
    private static void sameAsDeprecatedLabel(Section s, Map<String, String> labels, String key, String field,
            List<String> values) {
        String label = labels.get(key);
        for (String v : values) {
            if (label != null && !v.isEmpty() && !v.equals(label)) {
                throw Values.map(s.get("labels"), s.path("labels")).keys().get(key).error(s.path("labels") + "." + key,
                        "\"" + label + "\" differs from " + field + " \"" + v + "\": the node lifecycle controller reads "
                                + "this label first (GetZoneKey) and topology spreads the " + field + " field, so a node "
                                + "has one; give the same value or leave one out");
            }
        }
    }

    private static Map<String, String> labels(Section s) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!s.has("labels")) {
            return labels;
        }
        YMap lm = Values.map(s.get("labels"), s.path("labels"));
        for (Map.Entry<String, YNode> e : lm.entries().entrySet()) {
            String key = e.getKey();
            String path = s.path("labels") + "." + key;
            if (key.equals(WellKnownLabels.HOSTNAME) || WellKnownLabels.TOPOLOGY.contains(key)) {
                throw lm.keys().get(key).error(path, key + " is set from the node's "
                        + (key.equals(WellKnownLabels.HOSTNAME) ? "name" : key.endsWith("/zone") ? "zone" : "region")
                        + " field; do not give it as a label");
            }
            labels.put(key, labelValue(e.getValue(), path));
        }
        return labels;
    }

    private static boolean present(YMap map, String key) {
        YNode n = map.get(key);
        return n != null && !(n instanceof YScalar sc && sc.kind() == YScalar.Kind.NULL);
    }

    static String labelValue(YNode n, String path) {
        if (n instanceof YScalar sc && sc.kind() == YScalar.Kind.NULL) {
            return "";
        }
        return Values.scalar(n, path, "a label value (a string)").text();
    }

    private static List<Taint> taints(Section s) {
        List<Taint> out = new ArrayList<>();
        if (!s.has("taints")) {
            return out;
        }
        YList tl = Values.list(s.get("taints"), s.path("taints"));
        for (int i = 0; i < tl.items().size(); i++) {
            String path = s.path("taints") + "[" + i + "]";
            Section t = Section.of(tl.items().get(i), path, TAINT_FIELDS);
            String key = Values.string(t.require("key", "key"), t.path("key"));
            String value = t.has("value") ? Values.scalar(t.get("value"), t.path("value"), "a string").text() : null;
            YNode effectNode = t.require("effect", "effect (" + String.join(", ", TAINT_EFFECTS) + ")");
            String effect = Values.string(effectNode, t.path("effect"));
            if (!TAINT_EFFECTS.contains(effect)) {
                throw effectNode.loc().error(t.path("effect"), "unknown taint effect \"" + effect + "\""
                        + DidYouMean.hint(effect, TAINT_EFFECTS) + " (allowed: " + String.join(", ", TAINT_EFFECTS) + ")");
            }
            out.add(new Taint(effect, key, null, value));
        }
        return out;
    }

    private static List<ContainerImage> images(Section s) {
        List<ContainerImage> out = new ArrayList<>();
        if (!s.has("images")) {
            return out;
        }
        YList il = Values.list(s.get("images"), s.path("images"));
        for (int i = 0; i < il.items().size(); i++) {
            String path = s.path("images") + "[" + i + "]";
            Section im = Section.of(il.items().get(i), path, IMAGE_FIELDS);
            YList names = Values.list(im.require("names", "names (the image references)"), im.path("names"));
            List<String> refs = new ArrayList<>();
            for (int k = 0; k < names.items().size(); k++) {
                refs.add(Values.string(names.items().get(k), im.path("names") + "[" + k + "]"));
            }
            long size = im.has("sizeBytes") ? Values.integer(im.get("sizeBytes"), im.path("sizeBytes"), 0, Long.MAX_VALUE) : 0;
            out.add(new ContainerImage(refs, size));
        }
        return out;
    }
}
