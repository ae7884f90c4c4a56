package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodesim.cluster.WellKnownLabels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the workloads of a dump from the pods' controller {@code ownerReferences}, matched by uid,
 * as the garbage collector links them (apimachinery {@code metav1.GetControllerOf}): Pod → ReplicaSet →
 * Deployment (the Deployment's replicas and template; ReplicaSets scaled to 0 are history),
 * StatefulSet, DaemonSet; a pod without a controller is a {@code kind: Pod}, a mirror pod a Pod
 * pinned to its node. Job pods, finished pods and pods of other controllers are skipped. A
 * controller the dump does not hold still makes one workload, from its first pod (DESIGN §3.1).
 */
public final class WorkloadRebuilder {
    /** Labels the controllers add to their pods, not part of a workload's own template. */
    static final Set<String> GENERATED_LABELS = Set.of("pod-template-hash", "controller-revision-hash",
            "pod-template-generation", "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index",
            "controller-uid", "batch.kubernetes.io/controller-uid");
    static final String TEMPLATE_HASH = "pod-template-hash";
    private static final Set<String> BATCH_KINDS = Set.of("Job", "CronJob");

    private final ClusterDump dump;
    private final Map<String, Builder> workloads = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private WorkloadRebuilder(ClusterDump dump) {
        this.dump = dump;
    }

    public static ImportModel rebuild(ClusterDump dump) {
        return new WorkloadRebuilder(dump).run();
    }

    private ImportModel run() {
        for (PodEntry p : dump.pods) {
            pod(p);
        }
        for (OwnerEntry o : dump.owners.values()) {
            controllerWithoutPods(o);
        }
        List<ImportedWorkload> out = new ArrayList<>();
        for (Builder b : workloads.values()) {
            out.add(b.build());
        }
        for (NodeEntry n : dump.nodes.values()) {
            for (String key : List.of(WellKnownLabels.DEPRECATED_ZONE, WellKnownLabels.DEPRECATED_REGION)) {
                if (n.deprecatedLabelDiffers(key)) {
                    notes.add("Node " + n.name() + ": " + key + "=" + n.labels().get(key) + " differs from its "
                            + key.replace("failure-domain.beta", "topology") + " label; nodesim gives a node one zone "
                            + "(and region), so the deprecated label is not written");
                }
            }
        }
        for (ClusterDump.Duplicate d : dump.duplicates) {
            skipped.add(new Skipped(d.kind(), d.namespace(), d.name(), "read twice (the same object in two files): the first one is kept", d.position()));
        }
        return new ImportModel(List.copyOf(dump.nodes.values()), out, skipped, notes, Map.copyOf(dump.priorityClasses),
                List.copyOf(dump.disruptionBudgets), Map.copyOf(dump.otherKinds), dump.pods.size(),
                dump.outsideNamespaces);
    }

    private void pod(PodEntry p) {
                if (p.finished()) {
            skipped.add(skip(p, "finished (phase " + p.phase() + "): takes no room on a node", ""));
            return;
        }
        OwnerRef ref = p.controller();
        if (p.mirror()) {
            add(p, "Pod", p.name(), null, null, "mirror pod of a static pod, pinned to its node");
            return;
        }
        if (ref == null) {
            add(p, "Pod", p.name(), null, null, "pod without a controller");
            return;
        }
        if (BATCH_KINDS.contains(ref.kind())) {
            skipped.add(skip(p, "owned by a " + ref.kind() + ": Jobs run to completion and are not modelled", ref.name()));
            return;
        }
        OwnerEntry owner = ref.uid() == null ? null : dump.owners.get(ref.uid());
        switch (ref.kind()) {
            case "ReplicaSet" -> replicaSetPod(p, ref, owner);
            case "StatefulSet", "DaemonSet" -> add(p, ref.kind(), ref.name(), owner, ref.uid(), owner != null
                    ? ref.kind() + " from the dump (" + owner.position() + ")"
                    : ref.kind() + " not in the dump: rebuilt from its pods");
            default -> skipped.add(skip(p, "owned by a " + ref.kind() + ", a controller nodesim does not model", ref.name()));
        }
    }

    private void replicaSetPod(PodEntry p, OwnerRef ref, OwnerEntry rs) {
        if (rs == null) {
            String hash = p.labels().get(TEMPLATE_HASH);
            if (hash != null && ref.name().endsWith("-" + hash)) {
                String deployment = ref.name().substring(0, ref.name().length() - hash.length() - 1);
                add(p, "Deployment", deployment, null, ref.uid(), "its ReplicaSet is not in the dump: a "
                        + "Deployment named without the pod-template-hash, rebuilt from its pods");
            } else {
                add(p, "ReplicaSet", ref.name(), null, ref.uid(), "ReplicaSet not in the dump: rebuilt from its pods");
            }
            return;
        }
        OwnerRef up = rs.controller();
        if (up == null) {
            add(p, "ReplicaSet", rs.name(), rs, ref.uid(), "ReplicaSet from the dump (" + rs.position() + ")");
        } else if ("Deployment".equals(up.kind())) {
            OwnerEntry d = up.uid() == null ? null : dump.owners.get(up.uid());
            add(p, "Deployment", up.name(), d, ref.uid(), d != null
                    ? "Deployment from the dump (" + d.position() + ")"
                    : "Deployment not in the dump: rebuilt from its ReplicaSets");
        } else {
            skipped.add(skip(p, "its ReplicaSet is owned by a " + up.kind() + ", a controller nodesim does not model",
                    rs.name() + " / " + up.name()));
        }
    }

    private void add(PodEntry p, String kind, String name, OwnerEntry owner, String podOwnerUid, String source) {
        Builder b = builder(p.namespace(), kind, name, owner, source, "Pod", p.name());
        if (b == null) {
            return;
        }
        if (b.podOwnerUid == null) {
            b.podOwnerUid = podOwnerUid;
            b.firstPod = p;
        }
        b.pods.add(p);
    }

    private Builder builder(String ns, String kind, String name, OwnerEntry owner, String source, String whatKind,
            String whatName) {
        String key = ns + "/" + name;
        Builder b = workloads.get(key);
        if (b == null) {
            b = new Builder(kind, ns, name, owner, source);
            workloads.put(key, b);
        } else if (!b.kind.equals(kind)) {
            skipped.add(new Skipped(whatKind, ns, whatName, "its " + kind + " has the name of a " + b.kind
                    + " already imported; workload names are unique per namespace", name));
            return null;
        } else if (b.owner == null && owner != null) {
            b.owner = owner;
            b.source = source;
        }
        return b;
    }

    private static Skipped skip(PodEntry p, String reason, String detail) {
        return new Skipped("Pod", p.namespace(), p.name(), reason, detail);
    }

    /** A controller of the dump that no imported pod named: it still is a workload (replicas may be 0, or pods Pending). */
    private void controllerWithoutPods(OwnerEntry o) {
        if (!dump.selected(o.namespace())) {
            return;
        }
        String key = o.namespace() + "/" + o.name();
        switch (o.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet" -> {
                if (o.controller() != null) {
                    return; // owned by something nodesim does not model (an operator): its pods decided
                }
                if (!workloads.containsKey(key)) {
                    builder(o.namespace(), o.kind(), o.name(), o, o.kind() + " from the dump (" + o.position() + ")",
                            o.kind(), o.name());
                }
            }
            case "ReplicaSet" -> {
                if (o.replicasOrDefault() == 0) {
                    return; // an old ReplicaSet of a Deployment: history
                }
                if (o.controller() == null && !workloads.containsKey(key)) {
                    builder(o.namespace(), "ReplicaSet", o.name(), o, "ReplicaSet from the dump (" + o.position() + ")",
                            "ReplicaSet", o.name());
                } else if (o.controller() != null && "Deployment".equals(o.controller().kind())) {
                    String dk = o.namespace() + "/" + o.controller().name();
                    if (!workloads.containsKey(dk) && !dump.owners.containsKey(o.controller().uid())) {
                        Builder b = builder(o.namespace(), "Deployment", o.controller().name(), null,
                                "Deployment not in the dump: rebuilt from its ReplicaSets", "ReplicaSet", o.name());
                        if (b != null) {
                            b.podOwnerUid = o.uid();
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The ReplicaSets of the dump that a Deployment (by uid) controls, newest revision first. */
    private List<OwnerEntry> replicaSetsOf(String deploymentUid) {
        List<OwnerEntry> out = new ArrayList<>();
        for (OwnerEntry o : dump.owners.values()) {
            if ("ReplicaSet".equals(o.kind()) && o.controller() != null && deploymentUid.equals(o.controller().uid())) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparingLong(OwnerEntry::revision).reversed());
        return out;
    }

    private final class Builder {
        final String kind;
        final String namespace;
        final String name;
        OwnerEntry owner;
        String source;
        String podOwnerUid;
        PodEntry firstPod;
        final List<PodEntry> pods = new ArrayList<>();

        Builder(String kind, String namespace, String name, OwnerEntry owner, String source) {
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
            this.owner = owner;
            this.source = source;
        }

        ImportedWorkload build() {
            String qualified = "default".equals(namespace) ? name : namespace + "/" + name;
            JsonNode template;
            JsonNode spec = null;
            boolean fromPod = false;
            int replicas;
            Map<String, String> selector;
            List<PodEntry> ordered = new ArrayList<>(pods);
            OwnerEntry rsSource = null;
            if (owner != null) {
                spec = owner.spec();
                template = spec.path("template");
                replicas = owner.replicasOrDefault();
                selector = Selectors.matchLabels(spec.path("selector"), template, qualified, notes);
            } else if ("Deployment".equals(kind) && podOwnerUid != null && dump.owners.get(podOwnerUid) != null) {
                OwnerEntry rs = dump.owners.get(podOwnerUid);
                List<OwnerEntry> sets = replicaSetsOf(rs.controller().uid());
                rsSource = sets.get(0);
                template = Selectors.withoutLabel(rsSource.spec().path("template"), TEMPLATE_HASH);
                replicas = sets.stream().mapToInt(OwnerEntry::replicasOrDefault).sum();
                selector = Selectors.matchLabels(rsSource.spec().path("selector"), template, qualified, notes);
                selector.remove(TEMPLATE_HASH);
            } else {
                fromPod = true;
                template = firstPod == null ? null : firstPod.controller() == null || firstPod.mirror()
                        ? dump.podTemplates.get(firstPod.namespace() + "/" + firstPod.name())
                        : dump.ownerPodTemplates.get(podOwnerUid);
                template = template == null ? null : Selectors.withoutLabels(template, GENERATED_LABELS);
                replicas = pods.size();
                selector = "Pod".equals(kind) || template == null ? Map.of()
                        : new LinkedHashMap<>(Fields.stringMap(template.path("metadata").get("labels")));
            }
            if ("DaemonSet".equals(kind)) {
                replicas = 0;
            } else if ("Pod".equals(kind)) {
                replicas = 1;
            }
            if ("Deployment".equals(kind)) {
                Map<String, Long> revisionByRs = new LinkedHashMap<>();
                for (PodEntry p : pods) {
                    OwnerEntry rs = dump.owners.get(p.controller().uid());
                    revisionByRs.put(p.controller().uid(), rs == null ? 0 : rs.revision());
                }
                if (revisionByRs.size() > 1) {
                    notes.add("Deployment " + qualified + ": rollout in progress, pods of " + revisionByRs.size()
                            + " ReplicaSets; the Deployment's template is used for all of them");
                    ordered.sort(Comparator.comparingLong((PodEntry p) -> -revisionByRs.get(p.controller().uid())));
                }
            }
            if (!fromPod && owner == null && rsSource == null) {
                notes.add(kind + " " + qualified + ": no pod and no template in the dump");
            }
            List<PodEntry> placed = new ArrayList<>();
            int pending = 0;
            for (PodEntry p : ordered) {
                if (p.nodeName() == null || p.nodeName().isEmpty()) {
                    pending++;
                } else if (!dump.nodes.containsKey(p.nodeName())) {
                    skipped.add(skip(p, "runs on a node the dump does not hold: scheduled as if Pending", p.nodeName()));
                } else if (!"DaemonSet".equals(kind) && placed.size() >= replicas) {
                    skipped.add(skip(p, "beyond the " + replicas + " replicas of its " + kind
                            + " (surge of a rollout or a scale-down): not placed", qualified));
                } else {
                    placed.add(p);
                }
            }
            if (pending > 0) {
                notes.add(kind + " " + qualified + ": " + pending + " Pending pod(s), left to the scheduler");
            }
            return new ImportedWorkload(kind, namespace, name, replicas, selector, template, fromPod, spec,
                    List.copyOf(placed), source);
        }
    }
}
