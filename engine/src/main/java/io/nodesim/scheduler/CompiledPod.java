package io.nodesim.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pod template compiled once for the hot path; every replica of the template shares it.
 * What kube-scheduler derives from a pod again and again (its {@code PodInfo}, the PreFilter states)
 * is here: requests per resource index (real and non-zero), tolerations and node selectors as interned
 * ints, spread constraints, affinity terms, host ports and normalised image names.
 *
 * <p>Fields are public and final for the hot path; the arrays are owned by this object and never
 * written after {@link PodCompiler} built it.
 */
public final class CompiledPod {
    /**
     * A {@code topologySpreadConstraints} entry, or one of the system default constraints; the node
     * inclusion policies default to affinity honoured, taints ignored (podtopologyspread/common.go).
     */
    public record SpreadConstraint(int maxSkew, int topologyKey, boolean hard, PodSelector selector,
            int minDomains, boolean selfMatch, boolean honorNodeAffinity, boolean honorNodeTaints) {
        public SpreadConstraint(int maxSkew, int topologyKey, boolean hard, PodSelector selector, int minDomains,
                boolean selfMatch) {
            this(maxSkew, topologyKey, hard, selector, minDomains, selfMatch, true, false);
        }
    }

    /**
     * A pod (anti-)affinity term: the pods it selects are those in {@code namespaces} (or in a
     * namespace whose labels {@code namespaceSelector} matches) whose labels match {@code selector}
     * (framework/types.go {@code AffinityTerm.Matches}). The scenario's namespaces do not change
     * during a run, so matching the selector per pod equals upstream's unrolling it into
     * {@code Namespaces} at PreFilter.
     */
    public record AffinityTerm(PodSelector selector, Set<String> namespaces, PodSelector namespaceSelector,
            int topologyKey, int weight) {
        public boolean selects(CompiledPod pod) {
            boolean inNamespace = namespaces.contains(pod.namespace)
                    || namespaceSelector.matches(pod.namespaceLabels);
            return inNamespace && selector.matches(pod.labels);
        }
    }

    /** A host port a container asks for; protocol and IP interned by {@link PodCompiler}. */
    public record HostPort(String protocol, String ip, int port) {
        public boolean conflicts(HostPort o) {
            return port == o.port && protocol.equals(o.protocol)
                    && (ip.equals(o.ip) || "0.0.0.0".equals(ip) || "0.0.0.0".equals(o.ip));
        }
    }

    public final int id;
    public final String name;
    public final String namespace;
    /** The labels of the pod's namespace ({@link NamespaceLabels}). */
    public final Map<String, String> namespaceLabels;
    public final Map<String, String> labels;
    /** {@code spec.priority} as the Priority admission plugin resolved it (0 when none). */
    public final int priority;
    /** {@code preemptionPolicy: Never}: the pod waits and never preempts (PodEligibleToPreemptOthers). */
    public final boolean preemptNever;
    /** {@code spec.nodeName}, or null. */
    public final String nodeName;
    /** Real requests per resource index (cpu millicores, memory bytes, extended units). */
    public final long[] requests;
    /** Non-zero requests for scoring: a container missing a cpu/memory request counts 100m / 200 MiB. */
    public final long nonZeroCpu;
    public final long nonZeroMemory;
    public final int[] tolerationKey;
    public final boolean[] tolerationExists;
    public final int[] tolerationValue;
    public final int[] tolerationEffect;
    /** nodeSelector as one term, or null. */
    public final NodeSelectorTerms nodeSelector;
    /** requiredDuringSchedulingIgnoredDuringExecution node affinity, or null. */
    public final NodeSelectorTerms requiredNodeAffinity;
    public final NodeSelectorTerms[] preferredTerms;
    public final int[] preferredWeights;
    public final List<HostPort> hostPorts;
    public final List<SpreadConstraint> spreadConstraints;
    public final List<AffinityTerm> requiredAffinity;
    public final List<AffinityTerm> requiredAntiAffinity;
    public final List<AffinityTerm> preferredAffinity;
    public final List<AffinityTerm> preferredAntiAffinity;
    /** Normalised image names (":latest" added when untagged) of init and app containers, interned. */
    public final int[] images;
    /**
     * Selector of the workloads (ReplicaSet, StatefulSet, Service...) that select this pod, for
     * PodTopologySpread's system default constraints; null when none does.
     */
    public final PodSelector ownerSelector;

    CompiledPod(PodCompiler.Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.namespace = b.namespace;
        this.namespaceLabels = b.namespaceLabels;
        this.labels = Map.copyOf(b.labels);
        this.priority = b.priority;
        this.preemptNever = b.preemptNever;
        this.nodeName = b.nodeName;
        this.requests = b.requests;
        this.nonZeroCpu = b.nonZeroCpu;
        this.nonZeroMemory = b.nonZeroMemory;
        this.tolerationKey = b.tolerationKey;
        this.tolerationExists = b.tolerationExists;
        this.tolerationValue = b.tolerationValue;
        this.tolerationEffect = b.tolerationEffect;
        this.nodeSelector = b.nodeSelector;
        this.requiredNodeAffinity = b.requiredNodeAffinity;
        this.preferredTerms = b.preferredTerms;
        this.preferredWeights = b.preferredWeights;
        this.hostPorts = List.copyOf(b.hostPorts);
        this.spreadConstraints = List.copyOf(b.spreadConstraints);
        this.requiredAffinity = List.copyOf(b.requiredAffinity);
        this.requiredAntiAffinity = List.copyOf(b.requiredAntiAffinity);
        this.preferredAffinity = List.copyOf(b.preferredAffinity);
        this.preferredAntiAffinity = List.copyOf(b.preferredAntiAffinity);
        this.images = b.images;
        this.ownerSelector = b.ownerSelector;
    }

    /** {@code base} as another pod with its own id, name and required node affinity; the rest, immutable, is shared. */
    CompiledPod(CompiledPod base, int id, String name, NodeSelectorTerms requiredNodeAffinity) {
        this.id = id;
        this.name = name;
        this.namespace = base.namespace;
        this.namespaceLabels = base.namespaceLabels;
        this.labels = base.labels;
        this.priority = base.priority;
        this.preemptNever = base.preemptNever;
        this.nodeName = base.nodeName;
        this.requests = base.requests;
        this.nonZeroCpu = base.nonZeroCpu;
        this.nonZeroMemory = base.nonZeroMemory;
        this.tolerationKey = base.tolerationKey;
        this.tolerationExists = base.tolerationExists;
        this.tolerationValue = base.tolerationValue;
        this.tolerationEffect = base.tolerationEffect;
        this.nodeSelector = base.nodeSelector;
        this.requiredNodeAffinity = requiredNodeAffinity;
        this.preferredTerms = base.preferredTerms;
        this.preferredWeights = base.preferredWeights;
        this.hostPorts = base.hostPorts;
        this.spreadConstraints = base.spreadConstraints;
        this.requiredAffinity = base.requiredAffinity;
        this.requiredAntiAffinity = base.requiredAntiAffinity;
        this.preferredAffinity = base.preferredAffinity;
        this.preferredAntiAffinity = base.preferredAntiAffinity;
        this.images = base.images;
        this.ownerSelector = base.ownerSelector;
    }

    /** The request for a resource index (0 when the pod does not ask for it). */
    public long request(int resource) {
        return resource < requests.length ? requests[resource] : 0;
    }

    /** True when the pod has any required or preferred pod (anti-)affinity term. */
    public boolean hasPodAffinity() {
        return !requiredAffinity.isEmpty() || !requiredAntiAffinity.isEmpty() || !preferredAffinity.isEmpty()
                || !preferredAntiAffinity.isEmpty();
    }

    /** True when the pod tolerates a taint (v1 {@code Toleration.ToleratesTaint}). */
    public boolean tolerates(int taintKey, int taintValue, int taintEffect) {
        for (int t = 0; t < tolerationKey.length; t++) {
            if (tolerationMatches(t, taintKey, taintValue, taintEffect)) {
                return true;
            }
        }
        return false;
    }

    /** Whether toleration {@code t} tolerates the taint; effect 0 on a toleration matches every effect. */
    public boolean tolerationMatches(int t, int taintKey, int taintValue, int taintEffect) {
        if (tolerationEffect[t] != TaintEffects.ANY_EFFECT && tolerationEffect[t] != taintEffect) {
            return false;
        }
        if (tolerationKey[t] != Symbols.ABSENT && tolerationKey[t] != taintKey) {
            return false;
        }
        return tolerationExists[t] || tolerationValue[t] == taintValue;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
