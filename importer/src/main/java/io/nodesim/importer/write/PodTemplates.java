package io.nodesim.importer.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodesim.importer.anonymize.Names;
import java.util.Map;
import java.util.Set;

/**
 * A pod template cut down to what the model reads (PodCompiler, WorkloadTemplate): requests and
 * limits, host ports, readiness-probe timing, node selector, affinities, tolerations, spread
 * constraints, priority, grace period, overhead; no env, command, volumes, annotations or status.
 * Every name goes through {@link Names}.
 *
 * <p>A template taken from a running pod loses what the API server and the controllers added to
 * it: the DefaultTolerationSeconds tolerations (plugin/pkg/admission/defaulttolerationseconds,
 * 300 s), the DaemonSet controller's tolerations and its per-node {@code matchFields} affinity
 * (pkg/controller/daemon/util/daemonset_util.go), and {@code nodeName} (except for a kind Pod).
 */
final class PodTemplates {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> ADMISSION_TOLERATION_KEYS = Set.of("node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable");
    private static final Set<String> DAEMONSET_TOLERATION_KEYS = Set.of("node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable", "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
            "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable", "node.kubernetes.io/network-unavailable");
    private static final long DEFAULT_TOLERATION_SECONDS = 300;
    private static final String[] PROBE_TIMING = {"initialDelaySeconds", "periodSeconds", "timeoutSeconds",
        "successThreshold", "failureThreshold"};
    private static final String[] SPEC_SCALARS = {"priorityClassName", "priority", "preemptionPolicy",
        "terminationGracePeriodSeconds", "hostNetwork"};

    private final Names names;
    private final Map<String, Integer> priorityClasses;

    PodTemplates(Names names, Map<String, Integer> priorityClasses) {
        this.names = names;
        this.priorityClasses = priorityClasses;
    }

    /**
     * @param kind the workload's kind: a Pod keeps its nodeName
     * @param fromPod the template is a running pod's (see the class comment)
     */
    ObjectNode clean(JsonNode template, String kind, boolean fromPod) {
        ObjectNode out = F.objectNode();
        ObjectNode labels = labels(template.path("metadata").get("labels"));
        if (!labels.isEmpty()) {
            out.putObject("metadata").set("labels", labels);
        }
        JsonNode spec = template.path("spec");
        ObjectNode s = out.putObject("spec");
        boolean hostNetwork = spec.path("hostNetwork").asBoolean(false);
        s.set("containers", containers(spec.path("containers"), hostNetwork, false));
        if (spec.path("initContainers").size() > 0) {
            s.set("initContainers", containers(spec.path("initContainers"), hostNetwork, true));
        }
        if (spec.path("nodeSelector").size() > 0) {
            s.set("nodeSelector", labels(spec.get("nodeSelector")));
        }
        JsonNode affinity = affinity(spec.get("affinity"), fromPod && "DaemonSet".equals(kind));
        if (affinity != null) {
            s.set("affinity", affinity);
        }
        ArrayNode tolerations = tolerations(spec.path("tolerations"), fromPod, "DaemonSet".equals(kind));
        if (!tolerations.isEmpty()) {
            s.set("tolerations", tolerations);
        }
        if (spec.path("topologySpreadConstraints").size() > 0) {
            ArrayNode a = s.putArray("topologySpreadConstraints");
            for (JsonNode c : spec.get("topologySpreadConstraints")) {
                ObjectNode o = c.deepCopy();
                o.put("topologyKey", names.labelKey(c.path("topologyKey").asText()));
                if (c.has("labelSelector")) {
                    o.set("labelSelector", selector(c.get("labelSelector")));
                }
                if (c.has("matchLabelKeys")) {
                    ArrayNode keys = o.putArray("matchLabelKeys");
                    c.get("matchLabelKeys").forEach(k -> keys.add(names.labelKey(k.asText())));
                }
                a.add(o);
            }
        }
        for (String f : SPEC_SCALARS) {
            if (spec.has(f) && !spec.get(f).isNull()) {
                s.set(f, spec.get(f));
            }
        }
        if (s.has("priorityClassName")) {
            String className = s.get("priorityClassName").asText();
            Integer value = priorityClasses.get(className);
            if (!s.has("priority") && value != null) {
                s.put("priority", value);
            }
            s.put("priorityClassName", names.priorityClass(className));
        } else if (s.has("priority")) {
            classForBarePriority(s);
        }
        if (spec.path("overhead").size() > 0) {
            s.set("overhead", spec.get("overhead"));
        }
        if ("Pod".equals(kind) && spec.hasNonNull("nodeName")) {
            s.put("nodeName", names.node(spec.get("nodeName").asText()));
        }
        return out;
    }

    /**
     * A pod with a priority but no class (a mirror pod, whose priority the kubelet set): the loader's
     * Priority admission would resolve it to 0 and refuse it, so it names the built-in class of that
     * value, or loses a plain default 0, or names a class {@code imported-priority-VALUE} that
     * {@link ScenarioDocuments#priorityClasses} writes.
     */
    private static void classForBarePriority(ObjectNode s) {
        int value = s.get("priority").asInt();
        String policy = s.path("preemptionPolicy").asText("PreemptLowerPriority");
        boolean lower = "PreemptLowerPriority".equals(policy);
        if (lower && value == 2_000_001_000) {
            s.put("priorityClassName", "system-node-critical");
        } else if (lower && value == 2_000_000_000) {
            s.put("priorityClassName", "system-cluster-critical");
        } else if (lower && value == 0) {
            s.remove("priority");
        } else {
            s.put("priorityClassName", "imported-priority-" + value + (lower ? "" : "-never"));
        }
    }

    ObjectNode labels(JsonNode labels) {
        ObjectNode out = F.objectNode();
        if (labels != null) {
            labels.fields().forEachRemaining(e -> out.put(names.labelKey(e.getKey()),
                    names.labelValue(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText())));
        }
        return out;
    }

    private ArrayNode containers(JsonNode list, boolean hostNetwork, boolean init) {
        ArrayNode out = F.arrayNode();
        for (JsonNode c : list) {
            ObjectNode o = out.addObject();
            o.put("name", names.container(c.path("name").asText()));
            if (c.hasNonNull("image")) {
                o.put("image", names.image(c.get("image").asText()));
            }
            JsonNode res = c.path("resources");
            ObjectNode r = F.objectNode();
            for (String k : new String[] {"requests", "limits"}) {
                if (res.path(k).size() > 0) {
                    r.set(k, res.get(k));
                }
            }
            if (!r.isEmpty()) {
                o.set("resources", r);
            }
            ArrayNode ports = F.arrayNode();
            for (JsonNode p : c.path("ports")) {
                if (hostNetwork || p.path("hostPort").asInt(0) > 0) {
                    ObjectNode po = ports.addObject();
                    for (String f : new String[] {"containerPort", "hostPort", "protocol", "hostIP"}) {
                        if (p.hasNonNull(f)) {
                            po.set(f, p.get(f));
                        }
                    }
                }
            }
            if (!ports.isEmpty()) {
                o.set("ports", ports);
            }
            JsonNode probe = c.get("readinessProbe");
            if (probe != null && probe.isObject() && !init) {
                ObjectNode po = o.putObject("readinessProbe");
                for (String f : PROBE_TIMING) {
                    if (probe.hasNonNull(f)) {
                        po.set(f, probe.get(f));
                    }
                }
            }
            if (init && c.hasNonNull("restartPolicy")) {
                o.set("restartPolicy", c.get("restartPolicy"));
            }
        }
        return out;
    }

    private ArrayNode tolerations(JsonNode list, boolean fromPod, boolean daemonSet) {
        ArrayNode out = F.arrayNode();
        for (JsonNode t : list) {
            String key = t.path("key").asText("");
            boolean exists = "Exists".equals(t.path("operator").asText());
            boolean noExecute = "NoExecute".equals(t.path("effect").asText());
            if (fromPod && exists && noExecute && ADMISSION_TOLERATION_KEYS.contains(key)
                    && t.path("tolerationSeconds").asLong(-1) == DEFAULT_TOLERATION_SECONDS) {
                continue;
            }
            if (fromPod && daemonSet && exists && DAEMONSET_TOLERATION_KEYS.contains(key) && !t.has("tolerationSeconds")) {
                continue;
            }
            ObjectNode o = t.deepCopy();
            if (!key.isEmpty()) {
                o.put("key", names.labelKey(key));
            }
            if (t.hasNonNull("value")) {
                o.put("value", names.labelValue(key, t.get("value").asText()));
            }
            out.add(o);
        }
        return out;
    }

    private JsonNode affinity(JsonNode affinity, boolean dropDaemonSetPin) {
        if (affinity == null || !affinity.isObject() || affinity.isEmpty()) {
            return null;
        }
        ObjectNode out = F.objectNode();
        JsonNode node = affinity.get("nodeAffinity");
        if (node != null) {
            ObjectNode n = F.objectNode();
            JsonNode required = node.path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms");
            ArrayNode terms = F.arrayNode();
            for (JsonNode term : required) {
                if (dropDaemonSetPin && term.path("matchExpressions").isEmpty() && term.path("matchFields").size() > 0) {
                    continue;
                }
                terms.add(nodeTerm(term));
            }
            if (!terms.isEmpty()) {
                n.putObject("requiredDuringSchedulingIgnoredDuringExecution").set("nodeSelectorTerms", terms);
            }
            ArrayNode preferred = F.arrayNode();
            for (JsonNode p : node.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                ObjectNode o = preferred.addObject();
                o.set("weight", p.get("weight"));
                o.set("preference", nodeTerm(p.path("preference")));
            }
            if (!preferred.isEmpty()) {
                n.set("preferredDuringSchedulingIgnoredDuringExecution", preferred);
            }
            if (!n.isEmpty()) {
                out.set("nodeAffinity", n);
            }
        }
        for (String kind : new String[] {"podAffinity", "podAntiAffinity"}) {
            JsonNode pa = affinity.get(kind);
            if (pa == null) {
                continue;
            }
            ObjectNode o = F.objectNode();
            ArrayNode required = F.arrayNode();
            pa.path("requiredDuringSchedulingIgnoredDuringExecution").forEach(t -> required.add(podTerm(t)));
            if (!required.isEmpty()) {
                o.set("requiredDuringSchedulingIgnoredDuringExecution", required);
            }
            ArrayNode preferred = F.arrayNode();
            for (JsonNode p : pa.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                ObjectNode w = preferred.addObject();
                w.set("weight", p.get("weight"));
                w.set("podAffinityTerm", podTerm(p.path("podAffinityTerm")));
            }
            if (!preferred.isEmpty()) {
                o.set("preferredDuringSchedulingIgnoredDuringExecution", preferred);
            }
            if (!o.isEmpty()) {
                out.set(kind, o);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private ObjectNode nodeTerm(JsonNode term) {
        ObjectNode o = F.objectNode();
        if (term.has("matchExpressions")) {
            o.set("matchExpressions", expressions(term.get("matchExpressions"), false));
        }
        if (term.has("matchFields")) {
            o.set("matchFields", expressions(term.get("matchFields"), true));
        }
        return o;
    }

    private ObjectNode podTerm(JsonNode term) {
        ObjectNode o = F.objectNode();
        if (term.has("labelSelector")) {
            o.set("labelSelector", selector(term.get("labelSelector")));
        }
        if (term.has("namespaceSelector")) {
            o.set("namespaceSelector", selector(term.get("namespaceSelector")));
        }
        if (term.has("namespaces")) {
            ArrayNode ns = o.putArray("namespaces");
            term.get("namespaces").forEach(n -> ns.add(names.namespace(n.asText())));
        }
        o.put("topologyKey", names.labelKey(term.path("topologyKey").asText()));
        return o;
    }

    ObjectNode selector(JsonNode selector) {
        ObjectNode o = F.objectNode();
        if (selector.has("matchLabels")) {
            o.set("matchLabels", labels(selector.get("matchLabels")));
        }
        if (selector.has("matchExpressions")) {
            o.set("matchExpressions", expressions(selector.get("matchExpressions"), false));
        }
        return o;
    }

    /** Label expressions; {@code fields}: matchFields, whose only key (metadata.name) takes node names. */
    private ArrayNode expressions(JsonNode list, boolean fields) {
        ArrayNode out = F.arrayNode();
        for (JsonNode e : list) {
            ObjectNode o = out.addObject();
            String key = e.path("key").asText();
            o.put("key", fields ? key : names.labelKey(key));
            o.set("operator", e.get("operator"));
            if (e.has("values")) {
                ArrayNode v = o.putArray("values");
                e.get("values").forEach(x -> v.add(fields ? names.node(x.asText()) : names.labelValue(key, x.asText())));
            }
        }
        return out;
    }
}
