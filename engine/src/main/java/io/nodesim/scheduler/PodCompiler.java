package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.VersionProfiles.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles pod templates into {@link CompiledPod}s, once per template. Request arithmetic follows
 * component-helpers {@code resource.PodRequests}: app containers summed, restartable (sidecar) init
 * containers added, each regular init container a peak, overhead on top; requests default to limits
 * as the API server's defaulting does. Non-zero requests (scheduler util {@code GetNonzeroRequests})
 * count a container that does not set a cpu / memory request as 100m / 200 MiB.
 */
public final class PodCompiler {
    public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
    public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    private final SchedulerCache nodes;
    private final boolean sidecarHostPorts;
    private final NamespaceLabels namespaceLabels;
    private final KubernetesVersion version;
    private int nextId;

    /** A compiler for the newest version's rules. */
    public PodCompiler(SchedulerCache nodes) {
        this(nodes, true);
    }

    /** @param sidecarHostPorts sidecar init containers' host ports count ({@link SchedulerConfiguration#sidecarHostPorts}) */
    public PodCompiler(SchedulerCache nodes, boolean sidecarHostPorts) {
        this(nodes, sidecarHostPorts, NamespaceLabels.NONE_DECLARED);
    }

    /** @param namespaceLabels the namespaces' labels, which namespaceSelectors match */
    public PodCompiler(SchedulerCache nodes, boolean sidecarHostPorts, NamespaceLabels namespaceLabels) {
        this(nodes, sidecarHostPorts, namespaceLabels, VersionProfiles.NEWEST);
    }

    /** @param version decides which pod fields exist (the API server drops a disabled feature's fields) */
    public PodCompiler(SchedulerCache nodes, boolean sidecarHostPorts, NamespaceLabels namespaceLabels,
            KubernetesVersion version) {
        this.nodes = nodes;
        this.sidecarHostPorts = sidecarHostPorts;
        this.namespaceLabels = namespaceLabels;
        this.version = version;
    }

    /**
     * @param name the template's name, for messages and reports
     * @param ownerSelector selector of the workloads selecting these pods (system default spreading),
     *     or null
     */
    public CompiledPod compile(String name, String namespace, PodTemplateSpec template, PodSelector ownerSelector) {
        Builder b = new Builder();
        b.id = nextId++;
        b.name = name;
        b.namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
        b.namespaceLabels = namespaceLabels.labels(b.namespace);
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            b.labels.putAll(template.getMetadata().getLabels());
        }
        PodSpec spec = template.getSpec();
        if (spec == null) {
            throw new IllegalArgumentException("pod template " + name + " has no spec");
        }
        b.priority = spec.getPriority() == null ? 0 : spec.getPriority();
        b.preemptNever = "Never".equals(spec.getPreemptionPolicy());
        b.nodeName = spec.getNodeName() == null || spec.getNodeName().isEmpty() ? null : spec.getNodeName();
        b.ownerSelector = ownerSelector;
        requests(b, spec);
        tolerations(b, spec.getTolerations() == null ? List.of() : spec.getTolerations());
        nodeAffinity(b, spec);
        hostPorts(b, spec);
        spread(b, spec.getTopologySpreadConstraints() == null ? List.of() : spec.getTopologySpreadConstraints());
        podAffinity(b, spec.getAffinity());
        images(b, spec);
        return new CompiledPod(b);
    }

    /**
     * The pod template of a scenario workload. The workload's selector, when it selects the
     * template's labels, is the owner selector PodTopologySpread's system defaults use (a
     * ReplicaSet, Deployment or StatefulSet selects its pods; a bare Pod or a DaemonSet has none).
     */
    public CompiledPod compile(io.nodesim.scenario.WorkloadSpec w) {
        PodSelector owner = null;
        boolean owned = !"Pod".equals(w.kind()) && !"DaemonSet".equals(w.kind()) && !w.selector().isEmpty();
        if (owned) {
            Map<String, String> labels = w.template().getMetadata() == null
                    || w.template().getMetadata().getLabels() == null ? Map.of() : w.template().getMetadata().getLabels();
            PodSelector s = PodSelector.ofLabels(w.selector());
            owner = s.matches(labels) ? s : null;
        }
        return compile(w.name(), w.namespace(), w.template(), owner);
    }

    /**
     * The pod of {@code base} pinned to one node, as the DaemonSet controller pins its pods: its
     * required node affinity becomes the single term {@code matchFields metadata.name In [node]}.
     * Everything else is the base template's, so it is shared rather than compiled again (a
     * DaemonSet has one such pod per node).
     */
    public CompiledPod compilePinned(CompiledPod base, String name, String node) {
        return new CompiledPod(base, nextId++, name, NodeSelectorTerms.pinnedTo(node));
    }

    private void requests(Builder b, PodSpec spec) {
        Map<String, Long> app = new HashMap<>();
        long[] nonZeroApp = new long[2];
        for (Container c : spec.getContainers()) {
            add(app, containerRequests(c));
            addNonZero(nonZeroApp, c);
        }
        Map<String, Long> sidecars = new HashMap<>();
        long[] nonZeroSidecars = new long[2];
        Map<String, Long> initPeak = new HashMap<>();
        long[] nonZeroInitPeak = new long[2];
        if (spec.getInitContainers() != null) {
            for (Container c : spec.getInitContainers()) {
                Map<String, Long> req = containerRequests(c);
                long[] nz = new long[2];
                addNonZero(nz, c);
                Map<String, Long> peak = new HashMap<>(req);
                long[] nzPeak = nz.clone();
                if ("Always".equals(c.getRestartPolicy())) {
                    add(app, req);
                    add(sidecars, req);
                    nonZeroApp[0] += nz[0];
                    nonZeroApp[1] += nz[1];
                    nonZeroSidecars[0] += nz[0];
                    nonZeroSidecars[1] += nz[1];
                    peak = new HashMap<>(sidecars);
                    nzPeak = nonZeroSidecars.clone();
                } else {
                    add(peak, sidecars);
                    nzPeak[0] += nonZeroSidecars[0];
                    nzPeak[1] += nonZeroSidecars[1];
                }
                peak.forEach((k, v) -> initPeak.merge(k, v, Math::max));
                nonZeroInitPeak[0] = Math.max(nonZeroInitPeak[0], nzPeak[0]);
                nonZeroInitPeak[1] = Math.max(nonZeroInitPeak[1], nzPeak[1]);
            }
        }
        initPeak.forEach((k, v) -> app.merge(k, v, Math::max));
        long overheadCpu = 0;
        long overheadMem = 0;
        if (spec.getOverhead() != null) {
            Map<String, Long> overhead = new HashMap<>();
            spec.getOverhead().forEach((k, q) -> overhead.put(k, Quantities.of(k, q)));
            add(app, overhead);
            overheadCpu = overhead.getOrDefault("cpu", 0L);
            overheadMem = overhead.getOrDefault("memory", 0L);
        }
        int max = 2;
        for (String r : app.keySet()) {
            if (!"pods".equals(r)) {
                max = Math.max(max, nodes.resources().intern(r) + 1);
            }
        }
        b.requests = new long[max];
        app.forEach((r, v) -> {
            if (!"pods".equals(r)) {
                b.requests[nodes.resources().find(r)] = v;
            }
        });
        b.nonZeroCpu = Math.max(nonZeroApp[0], nonZeroInitPeak[0]) + overheadCpu;
        b.nonZeroMemory = Math.max(nonZeroApp[1], nonZeroInitPeak[1]) + overheadMem;
    }

    /** A container's requests, each missing request defaulted to its limit (API server defaulting). */
    private static Map<String, Long> containerRequests(Container c) {
        Map<String, Long> out = new HashMap<>();
        if (c.getResources() == null) {
            return out;
        }
        Map<String, Quantity> limits = c.getResources().getLimits();
        if (limits != null) {
            limits.forEach((k, q) -> out.put(k, Quantities.of(k, q)));
        }
        Map<String, Quantity> requests = c.getResources().getRequests();
        if (requests != null) {
            requests.forEach((k, q) -> out.put(k, Quantities.of(k, q)));
        }
        return out;
    }

    private static void addNonZero(long[] acc, Container c) {
        Map<String, Long> req = containerRequests(c);
        acc[0] += req.getOrDefault("cpu", DEFAULT_MILLI_CPU_REQUEST);
        acc[1] += req.getOrDefault("memory", DEFAULT_MEMORY_REQUEST);
    }

    private static void add(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    private void tolerations(Builder b, List<Toleration> tolerations) {
        int n = tolerations.size();
        b.tolerationKey = new int[n];
        b.tolerationExists = new boolean[n];
        b.tolerationValue = new int[n];
        b.tolerationEffect = new int[n];
        Symbols s = nodes.symbols();
        for (int i = 0; i < n; i++) {
            Toleration t = tolerations.get(i);
            String key = t.getKey() == null ? "" : t.getKey();
            b.tolerationKey[i] = key.isEmpty() ? Symbols.ABSENT : s.intern(key);
            b.tolerationExists[i] = "Exists".equals(t.getOperator());
            b.tolerationValue[i] = s.intern(t.getValue() == null ? "" : t.getValue());
            b.tolerationEffect[i] = TaintEffects.effect(t.getEffect());
        }
    }

    private void nodeAffinity(Builder b, PodSpec spec) {
        Symbols s = nodes.symbols();
        if (spec.getNodeSelector() != null && !spec.getNodeSelector().isEmpty()) {
            b.nodeSelector = NodeSelectorTerms.ofNodeSelector(spec.getNodeSelector(), s);
        }
        Affinity a = spec.getAffinity();
        List<PreferredSchedulingTerm> preferred = List.of();
        if (a != null && a.getNodeAffinity() != null) {
            if (a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
                b.requiredNodeAffinity = NodeSelectorTerms.of(
                        a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms(), s);
            }
            if (a.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
                preferred = a.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            }
        }
        List<NodeSelectorTerms> terms = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < preferred.size(); i++) {
            PreferredSchedulingTerm t = preferred.get(i);
            // a zero weight term is skipped, as nodeaffinity.NewPreferredSchedulingTerms does
            if (t.getWeight() != null && t.getWeight() != 0) {
                NodeSelectorTerms term = NodeSelectorTerms.of(List.of(t.getPreference()), s);
                if (!term.parseErrors().isEmpty()) {
                    // upstream NodeAffinity's PreScore returns the parse error: every cycle of the pod fails with an
                    // Error status, which nodesim's scheduler does not model
                    throw new IllegalArgumentException("not modelled: preferredDuringSchedulingIgnoredDuringExecution["
                            + i + "] does not parse (" + term.parseErrors().get(0).replaceFirst("^\\[0]", "preference")
                            + "); kube-scheduler fails every scheduling cycle of such a pod with an error");
                }
                terms.add(term);
                weights.add(t.getWeight());
            }
        }
        b.preferredTerms = terms.toArray(new NodeSelectorTerms[0]);
        b.preferredWeights = weights.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * pkg/scheduler/util GetHostPorts: the app containers' host ports and, from 1.34, those of sidecar
     * init containers ({@code restartPolicy: Always}), which run as long as the pod; an ordinary init
     * container has exited before the app starts, so its ports never count.
     */
    private void hostPorts(Builder b, PodSpec spec) {
        boolean hostNetwork = Boolean.TRUE.equals(spec.getHostNetwork());
        List<Container> all = new ArrayList<>();
        if (sidecarHostPorts && spec.getInitContainers() != null) {
            spec.getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy())).forEach(all::add);
        }
        all.addAll(spec.getContainers());
        for (Container c : all) {
            if (c.getPorts() == null) {
                continue;
            }
            for (ContainerPort p : c.getPorts()) {
                Integer hostPort = p.getHostPort() == null && hostNetwork ? p.getContainerPort() : p.getHostPort();
                if (hostPort != null && hostPort > 0) {
                    b.hostPorts.add(new CompiledPod.HostPort(p.getProtocol() == null ? "TCP" : p.getProtocol(),
                            p.getHostIP() == null || p.getHostIP().isEmpty() ? "0.0.0.0" : p.getHostIP(), hostPort));
                }
            }
        }
    }

    private void spread(Builder b, List<TopologySpreadConstraint> constraints) {
        for (TopologySpreadConstraint c : constraints) {
            LabelSelector selector = c.getLabelSelector();
            if (selector != null && c.getMatchLabelKeys() != null) {
                LabelSelectorBuilder sb = new LabelSelectorBuilder(selector);
                for (String key : c.getMatchLabelKeys()) {
                    String v = b.labels.get(key);
                    if (v != null) {
                        sb.addNewMatchExpression().withKey(key).withOperator("In").withValues(v).endMatchExpression();
                    }
                }
                selector = sb.build();
            }
            PodSelector ps = PodSelector.of(selector);
            // a required field: a missing one is an error naming it, not a NullPointerException in the switch
            boolean hard = switch (c.getWhenUnsatisfiable() == null ? "<missing>" : c.getWhenUnsatisfiable()) {
                case "DoNotSchedule" -> true;
                case "ScheduleAnyway" -> false;
                default -> throw new IllegalArgumentException("whenUnsatisfiable must be DoNotSchedule or ScheduleAnyway, got "
                        + c.getWhenUnsatisfiable());
            };
            if (c.getMaxSkew() == null || c.getMaxSkew() < 1) {
                throw new IllegalArgumentException("topology spread maxSkew must be >= 1");
            }
            b.spreadConstraints.add(new CompiledPod.SpreadConstraint(c.getMaxSkew(),
                    nodes.symbols().intern(c.getTopologyKey()), hard, ps,
                    c.getMinDomains() == null ? 1 : c.getMinDomains(), ps.matches(b.labels),
                    honor(c.getNodeAffinityPolicy(), "nodeAffinityPolicy", true),
                    honor(c.getNodeTaintsPolicy(), "nodeTaintsPolicy", false)));
        }
    }

    /**
     * A NodeInclusionPolicy: {@code Honor} or {@code Ignore}, from 1.26 (NodeInclusionPolicyInPodTopologySpread
     * beta; alpha, off, in 1.25; GA 1.33). Before, the API server drops the field and the defaults hold;
     * refused there rather than dropped silently.
     */
    private boolean honor(String policy, String field, boolean byDefault) {
        if (policy == null) {
            return byDefault;
        }
        if (!Rule.NODE_INCLUSION_POLICY.appliesTo(version)) {
            throw new IllegalArgumentException("not modelled: topologySpreadConstraints." + field + " before 1."
                    + Rule.NODE_INCLUSION_POLICY.sinceMinor() + " (NodeInclusionPolicyInPodTopologySpread is off by"
                    + " default in " + version + " and the API server drops the field); remove it or use 1."
                    + Rule.NODE_INCLUSION_POLICY.sinceMinor() + "+");
        }
        return switch (policy) {
            case "Honor" -> true;
            case "Ignore" -> false;
            default -> throw new IllegalArgumentException("topologySpreadConstraints." + field
                    + " must be Honor or Ignore, got " + policy);
        };
    }

    private void podAffinity(Builder b, Affinity a) {
        if (a == null) {
            return;
        }
        if (a.getPodAffinity() != null) {
            terms(b, a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), b.requiredAffinity);
            weighted(b, a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), b.preferredAffinity);
        }
        if (a.getPodAntiAffinity() != null) {
            terms(b, a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), b.requiredAntiAffinity);
            weighted(b, a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(),
                    b.preferredAntiAffinity);
        }
    }

    private void terms(Builder b, List<PodAffinityTerm> terms, List<CompiledPod.AffinityTerm> out) {
        if (terms != null) {
            for (PodAffinityTerm t : terms) {
                out.add(term(b, t, 1));
            }
        }
    }

    private void weighted(Builder b, List<WeightedPodAffinityTerm> terms, List<CompiledPod.AffinityTerm> out) {
        if (terms != null) {
            for (WeightedPodAffinityTerm t : terms) {
                out.add(term(b, t.getPodAffinityTerm(), t.getWeight() == null ? 0 : t.getWeight()));
            }
        }
    }

    /**
     * framework/types.go {@code getNamespacesFromPodAffinityTerm}: no namespaces and no selector mean
     * the pod's own namespace; a null selector selects no namespace ({@code labels.Nothing}), an
     * empty one ({@code {}}) every namespace ({@code labels.Everything}). The selector exists from 1.22
     * (PodAffinityNamespaceSelector beta; alpha 1.21, GA 1.24).
     */
    private CompiledPod.AffinityTerm term(Builder b, PodAffinityTerm t, int weight) {
        List<String> ns = t.getNamespaces() == null ? List.of() : t.getNamespaces();
        if (t.getNamespaceSelector() != null && !Rule.POD_AFFINITY_NAMESPACE_SELECTOR.appliesTo(version)) {
            throw new IllegalArgumentException("not modelled: pod (anti-)affinity namespaceSelector before 1."
                    + Rule.POD_AFFINITY_NAMESPACE_SELECTOR.sinceMinor() + " (PodAffinityNamespaceSelector is off by"
                    + " default in " + version + " and the API server drops the field); remove it or use 1."
                    + Rule.POD_AFFINITY_NAMESPACE_SELECTOR.sinceMinor() + "+");
        }
        Set<String> namespaces = ns.isEmpty() && t.getNamespaceSelector() == null ? Set.of(b.namespace) : Set.copyOf(ns);
        PodSelector nsSelector = t.getNamespaceSelector() == null ? PodSelector.NOTHING
                : PodSelector.of(t.getNamespaceSelector());
        return new CompiledPod.AffinityTerm(PodSelector.of(withLabelKeys(b, t)), namespaces, nsSelector,
                nodes.symbols().intern(t.getTopologyKey()), weight);
    }

    /**
     * {@code matchLabelKeys} / {@code mismatchLabelKeys}: the API server adds {@code key In (value)} /
     * {@code key NotIn (value)} for each key the pod carries to the term's selector when it creates the
     * pod (pkg/registry/core/pod/strategy.go {@code applyMatchLabelKeysAndMismatchLabelKeys}); a null
     * selector stays null (selects nothing). From 1.31 (MatchLabelKeysInPodAffinity beta; alpha 1.29,
     * GA 1.33); before, the field is dropped, and refused here rather than silently.
     */
    private LabelSelector withLabelKeys(Builder b, PodAffinityTerm t) {
        List<String> match = t.getMatchLabelKeys() == null ? List.of() : t.getMatchLabelKeys();
        List<String> mismatch = t.getMismatchLabelKeys() == null ? List.of() : t.getMismatchLabelKeys();
        if (match.isEmpty() && mismatch.isEmpty()) {
            return t.getLabelSelector();
        }
        if (!Rule.POD_AFFINITY_MATCH_LABEL_KEYS.appliesTo(version)) {
            throw new IllegalArgumentException("not modelled: pod (anti-)affinity matchLabelKeys / mismatchLabelKeys"
                    + " before 1." + Rule.POD_AFFINITY_MATCH_LABEL_KEYS.sinceMinor() + " (MatchLabelKeysInPodAffinity"
                    + " is off by default in " + version + " and the API server drops the fields); remove them or use 1."
                    + Rule.POD_AFFINITY_MATCH_LABEL_KEYS.sinceMinor() + "+");
        }
        if (t.getLabelSelector() == null) {
            return null;
        }
        LabelSelectorBuilder sb = new LabelSelectorBuilder(t.getLabelSelector());
        for (String key : match) {
            String v = b.labels.get(key);
            if (v != null) {
                sb.addNewMatchExpression().withKey(key).withOperator("In").withValues(v).endMatchExpression();
            }
        }
        for (String key : mismatch) {
            String v = b.labels.get(key);
            if (v != null) {
                sb.addNewMatchExpression().withKey(key).withOperator("NotIn").withValues(v).endMatchExpression();
            }
        }
        return sb.build();
    }

    private void images(Builder b, PodSpec spec) {
        List<Integer> ids = new ArrayList<>();
        List<Container> all = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        all.addAll(spec.getContainers());
        for (Container c : all) {
            ids.add(nodes.images().symbols().intern(normalizedImageName(c.getImage() == null ? "" : c.getImage())));
        }
        b.images = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Appends ":latest" to an untagged image name (imagelocality {@code normalizedImageName}). */
    public static String normalizedImageName(String name) {
        return name.lastIndexOf(':') <= name.lastIndexOf('/') ? name + ":latest" : name;
    }

    /** Mutable collector for one compile; {@link CompiledPod} copies it. */
    static final class Builder {
        int id;
        String name;
        String namespace;
        Map<String, String> namespaceLabels;
        final Map<String, String> labels = new HashMap<>();
        int priority;
        boolean preemptNever;
        String nodeName;
        long[] requests;
        long nonZeroCpu;
        long nonZeroMemory;
        int[] tolerationKey;
        boolean[] tolerationExists;
        int[] tolerationValue;
        int[] tolerationEffect;
        NodeSelectorTerms nodeSelector;
        NodeSelectorTerms requiredNodeAffinity;
        NodeSelectorTerms[] preferredTerms;
        int[] preferredWeights;
        final List<CompiledPod.HostPort> hostPorts = new ArrayList<>();
        final List<CompiledPod.SpreadConstraint> spreadConstraints = new ArrayList<>();
        final List<CompiledPod.AffinityTerm> requiredAffinity = new ArrayList<>();
        final List<CompiledPod.AffinityTerm> requiredAntiAffinity = new ArrayList<>();
        final List<CompiledPod.AffinityTerm> preferredAffinity = new ArrayList<>();
        final List<CompiledPod.AffinityTerm> preferredAntiAffinity = new ArrayList<>();
        int[] images;
        PodSelector ownerSelector;
    }
}
