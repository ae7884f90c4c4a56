package io.nodesim.admission;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Priority admission plugin (kubernetes plugin/pkg/admission/priority/admission.go): a pod's
 * {@code priorityClassName} is resolved to {@code spec.priority} and {@code spec.preemptionPolicy};
 * a pod that names no class gets the globalDefault class (the lowest-valued one if several), else
 * priority 0 and PreemptLowerPriority. An unknown class, or a {@code priority} /
 * {@code preemptionPolicy} written in the pod that differs from the class's, is refused as the API
 * server refuses it. The built-in classes (pkg/apis/scheduling/types.go SystemPriorityClasses)
 * always exist.
 */
public final class PriorityAdmission {
    public static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";
    public static final String PREEMPT_NEVER = "Never";
    /** HighestUserDefinablePriority: user classes may not go above it. */
    public static final int HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
    public static final String SYSTEM_PREFIX = "system-";

    /** SystemPriorityClasses: system-node-critical (2000001000) and system-cluster-critical (2000000000). */
    public static final List<PriorityClass> SYSTEM_CLASSES = List.of(
            systemClass("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node."),
            systemClass("system-cluster-critical", 2_000_000_000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."));

    /** What the plugin refused: the pod spec field and the API server's message. */
    public static final class Rejected extends RuntimeException {
        private final String field;

        Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The pod spec field at fault: priorityClassName, priority or preemptionPolicy. */
        public String field() {
            return field;
        }
    }

    private final Map<String, PriorityClass> classes = new LinkedHashMap<>();
    private final PriorityClass globalDefault;

    /** @param declared the scenario's PriorityClass manifests (already validated) */
    public PriorityAdmission(Collection<PriorityClass> declared) {
        SYSTEM_CLASSES.forEach(c -> classes.put(c.getMetadata().getName(), c));
        PriorityClass def = null;
        for (PriorityClass c : declared) {
            classes.put(c.getMetadata().getName(), c);
            if (Boolean.TRUE.equals(c.getGlobalDefault()) && (def == null || def.getValue() > c.getValue())) {
                def = c;
            }
        }
        globalDefault = def;
    }

    /** The admitted spec (priority and preemptionPolicy set), or the spec itself when nothing changes. */
    public PodSpec admit(PodSpec spec) {
        String name = spec.getPriorityClassName();
        int priority;
        String policy;
        String className;
        if (name == null || name.isEmpty()) {
            className = globalDefault == null ? null : globalDefault.getMetadata().getName();
            priority = globalDefault == null ? 0 : globalDefault.getValue();
            policy = globalDefault == null ? PREEMPT_LOWER_PRIORITY : policyOf(globalDefault);
        } else {
            PriorityClass pc = classes.get(name);
            if (pc == null) {
                throw new Rejected("priorityClassName", "no PriorityClass with name " + name + " was found (declared: "
                        + String.join(", ", classes.keySet()) + ")");
            }
            className = name;
            priority = pc.getValue();
            policy = policyOf(pc);
        }
        if (spec.getPriority() != null && spec.getPriority() != priority) {
            throw new Rejected("priority", "the integer value of priority (" + spec.getPriority() + ") must not be "
                    + "provided in pod spec; priority admission controller computed " + priority
                    + " from the given PriorityClass name");
        }
        if (spec.getPreemptionPolicy() != null && !spec.getPreemptionPolicy().equals(policy)) {
            throw new Rejected("preemptionPolicy", "the string value of PreemptionPolicy (" + spec.getPreemptionPolicy()
                    + ") must not be provided in pod spec; priority admission controller computed " + policy
                    + " from the given PriorityClass name");
        }
        if (spec.getPriority() != null && policy.equals(spec.getPreemptionPolicy())
                && java.util.Objects.equals(className, spec.getPriorityClassName())) {
            return spec;
        }
        return new PodSpecBuilder(spec).withPriorityClassName(className).withPriority(priority)
                .withPreemptionPolicy(policy).build();
    }

    private static String policyOf(PriorityClass pc) {
        return pc.getPreemptionPolicy() == null ? PREEMPT_LOWER_PRIORITY : pc.getPreemptionPolicy();
    }

    private static PriorityClass systemClass(String name, int value, String description) {
        return new PriorityClassBuilder().withNewMetadata().withName(name).endMetadata().withValue(value)
                .withDescription(description).withPreemptionPolicy(PREEMPT_LOWER_PRIORITY).build();
    }
}
