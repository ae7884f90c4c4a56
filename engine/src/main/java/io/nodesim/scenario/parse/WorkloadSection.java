package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.workloads}: inline Kubernetes manifests, or {@code - file: web.yaml} entries that
 * name a file (relative to the scenario) of one or more {@code ---} documents.
 */
public final class WorkloadSection {
    private static final Map<String, String> API_VERSIONS = Map.of(
            "Deployment", "apps/v1", "ReplicaSet", "apps/v1", "StatefulSet", "apps/v1", "DaemonSet", "apps/v1",
            "Pod", "v1");
    private static final List<String> KINDS = List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Pod",
            "Namespace", DisruptionBudgetSection.KIND, "PersistentVolumeClaim", PriorityClassSection.KIND);

    private WorkloadSection() {
    }

    /** Replaces every {@code file:} entry of the list by the documents of that file, in place. */
    public static void expandIncludes(YNode node, Path baseDir) {
        YList list = Values.list(node, "workloads");
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (item instanceof YMap m && m.get("file") != null) {
                String path = "workloads[" + i + "]";
                Section s = Section.of(item, path, List.of("file"));
                String name = Values.string(s.get("file"), s.path("file"));
                List<YNode> docs = YamlReader.readFile(baseDir.resolve(name), name, s.get("file").loc(), s.path("file"));
                docs.removeIf(d -> d instanceof YNode.YScalar sc && sc.kind() == YNode.YScalar.Kind.NULL);
                if (docs.isEmpty()) {
                    throw s.get("file").loc().error(s.path("file"), name + " holds no manifest");
                }
                list.items().remove(i);
                list.items().addAll(i, docs);
                i += docs.size() - 1;
            }
        }
    }

    /**
     * Every workload except the {@code v1 Namespace}, PodDisruptionBudget, {@code v1 PersistentVolumeClaim}
     * and PriorityClass manifests, in order.
     */
    public static List<YNode> workloadItems(YNode node) {
        return Values.list(node, "workloads").items().stream().filter(i -> !notAWorkload(i)).toList();
    }

    private static boolean notAWorkload(YNode item) {
        return isNamespace(item) || DisruptionBudgetSection.isBudget(item) || isClaim(item)
                || PriorityClassSection.isPriorityClass(item);
    }

    private static boolean isNamespace(YNode item) {
        return isKind(item, "Namespace");
    }

    private static boolean isClaim(YNode item) {
        return isKind(item, "PersistentVolumeClaim");
    }

    private static boolean isKind(YNode item, String kind) {
        return item instanceof YMap m && m.get("kind") instanceof YNode.YScalar k && kind.equals(k.text());
    }

    /**
     * The {@code v1 Namespace} manifests: the labels of each, by name. Only {@code metadata.name} and
     * {@code metadata.labels} matter to the model (InterPodAffinity's namespaceSelector); a namespace is
     * cluster-scoped, so {@code metadata.namespace} is refused.
     */
    public static Map<String, Map<String, String>> namespaces(YNode node, Origins o) {
        YList list = Values.list(node, "workloads");
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (!isNamespace(item)) {
                continue;
            }
            String path = "workloads[" + i + "]";
            YMap m = Values.map(item, path);
            YNode av = m.get("apiVersion");
            if (av == null || !"v1".equals(Values.string(av, path + ".apiVersion"))) {
                throw (av == null ? m.loc() : av.loc()).error(path + ".apiVersion",
                        "a Namespace needs apiVersion: v1" + (av == null ? "" : ", got " + av.describe()));
            }
            Namespace ns = ManifestReader.read(item, Namespace.class, path);
            ObjectMeta meta = ns.getMetadata();
            if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
                throw m.loc().error(path + ".metadata.name", "required field missing: metadata.name");
            }
            if (meta.getNamespace() != null) {
                throw metadataField(m, "namespace").loc().error(path + ".metadata.namespace", "a Namespace is cluster-scoped: remove metadata.namespace");
            }
            if (meta.getDeletionTimestamp() != null) {
                throw terminating(m, path);
            }
            if (out.putIfAbsent(meta.getName(), meta.getLabels() == null ? Map.of() : meta.getLabels()) != null) {
                throw metadataField(m, "name").loc().error(path + ".metadata.name", "namespace \"" + meta.getName() + "\" is declared twice");
            }
            o.written(path, item);
        }
        return out;
    }

    private static YNode metadataField(YMap m, String field) {
        return m.get("metadata") instanceof YMap meta && meta.get(field) != null ? meta.get(field) : m;
    }

    /**
     * The workloads; {@code v1 Namespace} manifests are read by {@link #namespaces},
     * {@code v1 PersistentVolumeClaim} manifests by {@link ClaimManifests}, which also marks the
     * workloads that mount a ReadWriteOnce claim.
     */
    public static List<WorkloadSpec> read(YNode node, Origins o) {
        YList list = Values.list(node, "workloads");
        Map<String, String> names = new HashMap<>();
        List<WorkloadSpec> out = new java.util.ArrayList<>();
        ClaimManifests claims = ClaimManifests.read(list, o);
        for (int i = 0; i < list.items().size(); i++) {
            String path = "workloads[" + i + "]";
            YNode item = list.items().get(i);
            if (notAWorkload(item)) {
                continue;
            }
            WorkloadSpec w = claims.mounted(workload(item, path).atManifestIndex(i), Values.map(item, path), path);
            String before = names.putIfAbsent(w.displayName(), path);
            if (before != null) {
                throw item.loc().error(path + ".metadata.name", "workload name \"" + w.displayName()
                        + "\" is already used by " + before + "; workload names must be unique per namespace");
            }
            o.written(path, item);
            out.add(w);
        }
        return out;
    }

    private static WorkloadSpec workload(YNode item, String path) {
        YMap m = Values.map(item, path);
        YNode kindNode = m.get("kind");
        if (kindNode == null) {
            throw m.loc().error(path, "required field missing: kind (" + String.join(", ", KINDS) + "), or file: to include manifests");
        }
        String kind = Values.string(kindNode, path + ".kind");
        if ("Service".equals(kind)) {
            throw kindNode.loc().error(path + ".kind", "v1 Service manifests are not modelled: every workload has "
                    + "one Service selecting exactly its pods (README: How long do my clients see errors?); remove it");
        }
        if (!API_VERSIONS.containsKey(kind)) {
            throw kindNode.loc().error(path + ".kind", "unsupported workload kind \"" + kind + "\""
                    + DidYouMean.hint(kind, KINDS) + " (allowed: " + String.join(", ", KINDS) + ")");
        }
        YNode av = m.get("apiVersion");
        String want = API_VERSIONS.get(kind);
        if (av == null || !want.equals(Values.string(av, path + ".apiVersion"))) {
            throw (av == null ? m.loc() : av.loc()).error(path + ".apiVersion",
                    "a " + kind + " needs apiVersion: " + want + (av == null ? "" : ", got " + av.describe()));
        }
        Class<? extends HasMetadata> type = switch (kind) {
            case "Deployment" -> Deployment.class;
            case "ReplicaSet" -> ReplicaSet.class;
            case "StatefulSet" -> StatefulSet.class;
            case "DaemonSet" -> DaemonSet.class;
            default -> Pod.class;
        };
        HasMetadata obj = ManifestReader.read(item, type, path);
        ObjectMeta meta = obj.getMetadata();
        if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
            throw m.loc().error(path + ".metadata.name", "required field missing: metadata.name");
        }
        if (meta.getDeletionTimestamp() != null) {
            throw terminating(m, path);
        }
        String ns = meta.getNamespace();
        if (obj instanceof Pod pod) {
            PodTemplateSpec t = new PodTemplateSpec(meta, pod.getSpec());
            requireContainers(m, path + ".spec", t, true);
            return new WorkloadSpec(kind, meta.getName(), ns, 1, Map.of(), t, obj);
        }
        if (m.get("spec") == null) {
            throw m.loc().error(path + ".spec", "required field missing: spec");
        }
        YMap spec = Values.map(m.get("spec"), path + ".spec");
        Integer replicas;
        LabelSelector selector;
        PodTemplateSpec template;
        if (obj instanceof Deployment d) {
            replicas = d.getSpec().getReplicas();
            selector = d.getSpec().getSelector();
            template = d.getSpec().getTemplate();
        } else if (obj instanceof ReplicaSet r) {
            replicas = r.getSpec().getReplicas();
            selector = r.getSpec().getSelector();
            template = r.getSpec().getTemplate();
        } else if (obj instanceof StatefulSet s) {
            replicas = s.getSpec().getReplicas();
            selector = s.getSpec().getSelector();
            template = s.getSpec().getTemplate();
        } else {
            DaemonSet ds = (DaemonSet) obj;
            replicas = 0;
            selector = ds.getSpec().getSelector();
            template = ds.getSpec().getTemplate();
        }
        String sp = path + ".spec";
        if (replicas == null) {
            replicas = 1;
        } else if (replicas < 0) {
            throw spec.get("replicas").loc().error(sp + ".replicas", "expected an integer >= 0, got " + replicas);
        }
        if (template == null) {
            throw spec.loc().error(sp + ".template", "required field missing: template");
        }
        requireContainers(spec, sp + ".template.spec", template, false);
        Map<String, String> matchLabels = selector(spec, sp, selector, template);
        return new WorkloadSpec(kind, meta.getName(), ns, replicas, matchLabels, template, obj);
    }

    /**
     * An object already being deleted at t = 0. Upstream the scheduler cache keeps an assigned
     * Terminating pod's requests and ports (PodTopologySpread alone skips it) until the object is gone;
     * when that is depends on what no scenario states: the grace period left, whether its kubelet is
     * alive to finish the kill (an unreachable node's pod stays until force-deleted or PodGC), and its
     * owner's view (ReplicaSets do not count it, FilterActivePods, and create a replacement at once).
     * Without those the pod would hold its node forever, which upstream never does: refused.
     */
    private static ScenarioException terminating(YMap m, String path) {
        YNode at = m.get("metadata") instanceof YMap meta && meta.get("deletionTimestamp") != null
                ? meta.get("deletionTimestamp") : m;
        return at.loc().error(path + ".metadata.deletionTimestamp", "not modelled: an object that is already "
                + "Terminating at t = 0 (the grace period left, its kubelet finishing the kill and its owner's "
                + "replacement are not modelled); without deletionTimestamp it is a running object");
    }

    private static void requireContainers(YMap at, String path, PodTemplateSpec t, boolean pod) {
        if (t.getSpec() == null || t.getSpec().getContainers() == null || t.getSpec().getContainers().isEmpty()) {
            throw at.loc().error(path + ".containers", "a " + (pod ? "pod" : "pod template") + " needs at least one container");
        }
    }

    private static Map<String, String> selector(YMap spec, String sp, LabelSelector selector, PodTemplateSpec template) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            if (selector != null && selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
                throw spec.get("selector").loc().error(sp + ".selector.matchExpressions",
                        "nodesim supports selector.matchLabels only; write the selector as matchLabels");
            }
            throw (spec.get("selector") == null ? spec.loc() : spec.get("selector").loc()).error(sp + ".selector",
                    "required field missing: selector.matchLabels (apps/v1 needs a selector that matches the template labels)");
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw spec.get("selector").loc().error(sp + ".selector.matchExpressions",
                    "nodesim supports selector.matchLabels only; write the selector as matchLabels");
        }
        Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of() : template.getMetadata().getLabels();
        for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                throw spec.get("selector").loc().error(sp + ".selector.matchLabels", "selector " + e.getKey() + "="
                        + e.getValue() + " does not match the template labels " + labels
                        + " (the API server rejects this: `selector` does not match template `labels`)");
            }
        }
        return selector.getMatchLabels();
    }
}
