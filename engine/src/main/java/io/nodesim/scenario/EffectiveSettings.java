package io.nodesim.scenario;

import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.scenario.parse.Durations;
import io.nodesim.scenario.settings.SettingRegistry;
import io.nodesim.scenario.settings.SettingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every effective setting of a loaded scenario with its value (in scenario syntax) and origin, in
 * the order of the file format: what {@code nodesim explain} prints.
 */
public final class EffectiveSettings {
    /**
     * One row of {@code explain}.
     *
     * @param doc what the setting does, for a registry setting ({@code explain --docs}); else ""
     */
    public record Setting(String path, String value, SettingOrigin origin, String doc) {
    }

    private EffectiveSettings() {
    }

    public static List<Setting> of(Scenario s) {
        List<Setting> out = new ArrayList<>();
        Map<String, SettingOrigin> o = s.origins();
        add(out, o, "kubernetesVersion", s.kubernetesVersion() + " (profile " + s.profile().name() + ")");
        add(out, o, "seed", Long.toString(s.seed()));
        add(out, o, "replications", Integer.toString(s.replications()));
        add(out, o, "duration", d(s.duration()));
        for (String section : List.of(SettingRegistry.KUBELET, SettingRegistry.KCM, SettingRegistry.APISERVER,
                SettingRegistry.CCM)) {
            registered(out, o, s, section);
        }
        add(out, o, "kubeScheduler", s.kubeScheduler().describe());
        registered(out, o, s, SettingRegistry.LATENCIES);
        for (int i = 0; i < s.nodes().size(); i++) {
            NodeGroup g = s.nodes().get(i);
            add(out, o, "nodes[" + i + "]", (g.pool() ? "pool " + g.name() + "-0.." + g.nodeName(g.count() - 1)
                    + " (" + g.count() + ")" : "node " + g.name()) + zones(g) + allocatable(g) + join(g));
        }
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            add(out, o, w.path(i), w.kind() + " " + w.namespace() + "/" + w.name()
                    + (w.kind().equals("DaemonSet") ? "" : ", replicas " + w.replicas()));
        }
        model(out, o, "startup.default", s.startup().defaults());
        s.startup().byWorkload().keySet().stream().sorted()
                .forEach(name -> model(out, o, "startup." + name, s.startup().byWorkload().get(name)));
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            add(out, o, "faults[" + i + "]", f.describe());
        }
        if (s.remediation() != null) {
            RemediationSpec r = s.remediation();
            add(out, o, "remediation", r.action() + " when NotReady for " + d(r.notReadyFor()) + ", after "
                    + r.delay().spec());
        }
        // Settings reached only by --set (inside manifests, node entries, kubeScheduler): their value is the
        // override's.
        java.util.Set<String> shown = new java.util.HashSet<>();
        out.forEach(r -> shown.add(r.path()));
        o.forEach((path, origin) -> {
            if (!shown.contains(path) && origin.source().equals("--set")) {
                out.add(new Setting(path, origin.detail().substring(origin.detail().indexOf('=') + 1), origin, ""));
            }
        });
        return out;
    }

    private static void registered(List<Setting> out, Map<String, SettingOrigin> o, Scenario s, String section) {
        for (SettingSpec<?> setting : SettingRegistry.section(section)) {
            String value = setting.shown(s);
            if (setting == SettingRegistry.NODE_LEASE_DURATION_SECONDS) {
                value += s.profile().nodeLease() ? " (renewed every " + d(s.kubelet().leaseRenewInterval()) + ")"
                        : " (no NodeLease)";
            }
            out.add(new Setting(setting.path(), value, origin(o, setting.path()), setting.docWithUnit()));
        }
    }

    private static void model(List<Setting> out, Map<String, SettingOrigin> o, String path, StartupConfig.Model m) {
        add(out, o, path + ".imagePull", m.imagePull().spec());
        add(out, o, path + ".containerStart", m.containerStart().spec());
    }

    private static void add(List<Setting> out, Map<String, SettingOrigin> o, String path, String value) {
        out.add(new Setting(path, value, origin(o, path), ""));
    }

    private static SettingOrigin origin(Map<String, SettingOrigin> o, String path) {
        return o.getOrDefault(path, new SettingOrigin("default", "nodesim"));
    }

    private static String join(NodeGroup g) {
        if (g.autoscaling() != null) {
            NodeAutoscaling a = g.autoscaling();
            return ", autoscaled " + a.min() + ".." + a.max() + ", provisioned after " + a.provisionDelay().spec()
                    + (g.kubeletReadyAfter() == null ? ", kubelet never reports"
                            : ", kubelet Ready after " + g.kubeletReadyAfter().spec());
        }
        if (!g.joins()) {
            return "";
        }
        return ", joins at " + d(g.joinAt()) + (g.kubeletReadyAfter() == null ? ", kubelet never reports"
                : ", kubelet Ready after " + g.kubeletReadyAfter().spec());
    }

    private static String zones(NodeGroup g) {
        List<String> z = g.zones().stream().filter(x -> !x.isEmpty()).toList();
        if (z.isEmpty() && g.template().getMetadata() != null && g.template().getMetadata().getLabels() != null) {
            String deprecated = WellKnownLabels.zone(g.template().getMetadata().getLabels());
            return deprecated.isEmpty() ? "" : ", zone " + deprecated + " (" + WellKnownLabels.DEPRECATED_ZONE + ")";
        }
        return z.isEmpty() ? "" : ", zone" + (z.size() > 1 ? "s " : " ") + String.join(",", z);
    }

    private static String d(long micros) {
        return Durations.format(micros);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Nodes built by the loader always carry status.allocatable; ones built in code may not. */
    private static String allocatable(NodeGroup g) {
        if (g.template().getStatus() == null || g.template().getStatus().getAllocatable() == null) {
            return "";
        }
        return ", allocatable " + g.template().getStatus().getAllocatable().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }
}
