package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.nodesim.admission.PriorityAdmission;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scheduling.k8s.io/v1 PriorityClass} manifests among {@code spec.workloads}, validated as
 * the API server validates them (pkg/apis/scheduling/validation/validation.go and the registry's
 * single-globalDefault rule): a name, an integer value of at most 1000000000, the {@code system-}
 * prefix reserved for the built-in classes, one globalDefault, preemptionPolicy PreemptLowerPriority
 * or Never; a class is cluster-scoped.
 */
public final class PriorityClassSection {
    static final String KIND = "PriorityClass";
    private static final String API_VERSION = "scheduling.k8s.io/v1";

    private PriorityClassSection() {
    }

    static boolean isPriorityClass(YNode item) {
        return item instanceof YMap m && m.get("kind") instanceof YNode.YScalar k && KIND.equals(k.text());
    }

    /** The declared classes, in order. */
    public static List<PriorityClass> read(YNode workloads, Origins o) {
        YList list = Values.list(workloads, "workloads");
        Map<String, PriorityClass> out = new LinkedHashMap<>();
        String defaultAt = null;
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (!isPriorityClass(item)) {
                continue;
            }
            String path = "workloads[" + i + "]";
            YMap m = Values.map(item, path);
            YNode av = m.get("apiVersion");
            if (av == null || !API_VERSION.equals(Values.string(av, path + ".apiVersion"))) {
                throw (av == null ? m.loc() : av.loc()).error(path + ".apiVersion",
                        "a PriorityClass needs apiVersion: " + API_VERSION + (av == null ? "" : ", got " + av.describe()));
            }
            PriorityClass pc = ManifestReader.read(item, PriorityClass.class, path);
            ObjectMeta meta = pc.getMetadata();
            if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
                throw m.loc().error(path + ".metadata.name", "required field missing: metadata.name");
            }
            if (meta.getNamespace() != null) {
                throw at(m, "metadata").loc().error(path + ".metadata.namespace",
                        "a PriorityClass is cluster-scoped: remove metadata.namespace");
            }
            String name = meta.getName();
            if (name.startsWith(PriorityAdmission.SYSTEM_PREFIX)) {
                throw at(m, "metadata").loc().error(path + ".metadata.name", "priority class names with '"
                        + PriorityAdmission.SYSTEM_PREFIX + "' prefix are reserved for the built-in classes "
                        + "(system-node-critical, system-cluster-critical exist already)");
            }
            if (pc.getValue() == null) {
                throw m.loc().error(path + ".value", "required field missing: value (an integer up to "
                        + PriorityAdmission.HIGHEST_USER_DEFINABLE_PRIORITY + ")");
            }
            if (pc.getValue() > PriorityAdmission.HIGHEST_USER_DEFINABLE_PRIORITY) {
                throw at(m, "value").loc().error(path + ".value", "must not be greater than "
                        + PriorityAdmission.HIGHEST_USER_DEFINABLE_PRIORITY + ", got " + pc.getValue());
            }
            String policy = pc.getPreemptionPolicy();
            if (policy != null && !policy.equals(PriorityAdmission.PREEMPT_LOWER_PRIORITY)
                    && !policy.equals(PriorityAdmission.PREEMPT_NEVER)) {
                throw at(m, "preemptionPolicy").loc().error(path + ".preemptionPolicy", "unsupported value \"" + policy
                        + "\" (allowed: " + PriorityAdmission.PREEMPT_LOWER_PRIORITY + ", " + PriorityAdmission.PREEMPT_NEVER + ")");
            }
            if (Boolean.TRUE.equals(pc.getGlobalDefault())) {
                if (defaultAt != null) {
                    throw at(m, "globalDefault").loc().error(path + ".globalDefault", "PriorityClass " + defaultAt
                            + " is already marked as default. Only one default can exist");
                }
                defaultAt = name;
            }
            if (out.putIfAbsent(name, pc) != null) {
                throw at(m, "metadata").loc().error(path + ".metadata.name", "PriorityClass \"" + name
                        + "\" is declared twice");
            }
            o.written(path, item);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Every workload admitted by the Priority plugin; a refused pod is an error at its
     * {@code priorityClassName} / {@code priority} / {@code preemptionPolicy} (or at the workload).
     */
    public static List<WorkloadSpec> admit(YNode workloads, List<WorkloadSpec> specs,
            java.util.function.UnaryOperator<WorkloadSpec> admitOne) {
        List<YNode> items = WorkloadSection.workloadItems(workloads);
        List<YNode> all = Values.list(workloads, "workloads").items();
        List<WorkloadSpec> out = new ArrayList<>(specs.size());
        for (int w = 0; w < specs.size(); w++) {
            try {
                out.add(admitOne.apply(specs.get(w)));
            } catch (PriorityAdmission.Rejected e) {
                YNode item = items.get(w);
                String podSpec = "Pod".equals(specs.get(w).kind()) ? "spec" : "spec.template.spec";
                YNode at = find(item, podSpec + "." + e.field());
                throw (at == null ? item : at).loc().error("workloads[" + all.indexOf(item) + "]." + podSpec + "."
                        + e.field(), e.getMessage());
            }
        }
        return out;
    }

    private static YNode find(YNode node, String dotted) {
        YNode n = node;
        for (String key : dotted.split("\\.")) {
            if (!(n instanceof YMap m) || m.get(key) == null) {
                return null;
            }
            n = m.get(key);
        }
        return n;
    }

    private static YNode at(YMap m, String field) {
        return m.get(field) != null ? m.get(field) : m;
    }
}
