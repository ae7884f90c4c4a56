package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodesim.importer.read.DumpObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The objects of one or more dumps, kept as the import needs them: every Node; every Pod in a few
 * fields; the spec of bare and mirror pods and of the first pod of each controller (the template of
 * a workload whose controller the dump does not hold); the controllers; PriorityClass values;
 * PodDisruptionBudget names. Objects outside the selected namespaces are counted, not kept.
 */
public final class ClusterDump implements Consumer<DumpObject> {
    static final Set<String> CONTROLLER_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private final Set<String> namespaces;
    private final Set<String> excluded;
    final Map<String, NodeEntry> nodes = new LinkedHashMap<>();
    final List<PodEntry> pods = new ArrayList<>();
    private final Set<String> podKeys = new HashSet<>();
    /** Pod uid (or namespace/name) to template source, for pods without a controller. */
    final Map<String, ObjectNode> podTemplates = new HashMap<>();
    /** Controller uid to the template source of its first pod. */
    final Map<String, ObjectNode> ownerPodTemplates = new HashMap<>();
    final Map<String, OwnerEntry> owners = new LinkedHashMap<>();
    final Map<String, Integer> priorityClasses = new HashMap<>();
    final List<String> disruptionBudgets = new ArrayList<>();
    final Map<String, Integer> otherKinds = new TreeMap<>();
    final List<Duplicate> duplicates = new ArrayList<>();

    record Duplicate(String kind, String namespace, String name, String position) {
    }
    int outsideNamespaces;

    /**
     * @param namespaces the namespaces to keep (empty: all)
     * @param excluded namespaces to leave out
     */
    public ClusterDump(Set<String> namespaces, Set<String> excluded) {
        this.namespaces = Set.copyOf(namespaces);
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public void accept(DumpObject o) {
        switch (o.kind()) {
            case "Node" -> {
                NodeEntry n = NodeEntry.of(o);
                if (nodes.putIfAbsent(n.name(), n) != null) {
                    duplicates.add(new Duplicate("Node", "", n.name(), o.position()));
                }
            }
            case "Pod" -> pod(o);
            case "PriorityClass" -> priorityClasses.put(o.text("metadata.name"), o.body().path("value").asInt(0));
            case "PodDisruptionBudget" -> {
                if (selected(namespaceOf(o))) {
                    disruptionBudgets.add(namespaceOf(o) + "/" + o.text("metadata.name"));
                }
            }
            default -> {
                if (CONTROLLER_KINDS.contains(o.kind())) {
                    OwnerEntry e = OwnerEntry.of(o);
                    if (e.uid() != null) {
                        owners.putIfAbsent(e.uid(), e);
                    }
                } else {
                    otherKinds.merge(o.kind(), 1, Integer::sum);
                }
            }
        }
    }

    private void pod(DumpObject o) {
        PodEntry p = PodEntry.of(o);
        if (!selected(p.namespace())) {
            outsideNamespaces++;
            return;
        }
        if (!podKeys.add(p.namespace() + "/" + p.name())) {
            duplicates.add(new Duplicate("Pod", p.namespace(), p.name(), o.position()));
            return;
        }
        pods.add(p);
        if (p.finished()) {
            return;
        }
        if (p.controller() == null || p.mirror()) {
            podTemplates.put(p.namespace() + "/" + p.name(), PodEntry.templateSource(o));
        } else if (p.controller().uid() != null && !ownerPodTemplates.containsKey(p.controller().uid())) {
            ownerPodTemplates.put(p.controller().uid(), PodEntry.templateSource(o));
        }
    }

    boolean selected(String namespace) {
        return (namespaces.isEmpty() || namespaces.contains(namespace)) && !excluded.contains(namespace);
    }

    private static String namespaceOf(DumpObject o) {
        String ns = o.text("metadata.namespace");
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int podCount() {
        return pods.size();
    }
}
