package io.nodesim.scenario;

import io.nodesim.scenario.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every effective setting of a loaded scenario with its value (in scenario syntax) and origin, in
 * the order of the file format: what {@code nodesim explain} prints.
 */
public final class EffectiveSettings {
    /** One row of {@code explain}. */
    public record Setting(String path, String value, SettingOrigin origin) {
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
        KubeletConfig k = s.kubelet();
        add(out, o, "kubelet.nodeStatusUpdateFrequency", d(k.nodeStatusUpdateFrequency()));
        add(out, o, "kubelet.nodeStatusReportFrequency", d(k.nodeStatusReportFrequency()));
        add(out, o, "kubelet.nodeLeaseDurationSeconds", k.nodeLeaseDurationSeconds()
                + (s.profile().nodeLease() ? " (renewed every " + d(k.leaseRenewInterval()) + ")" : " (no NodeLease)"));
        ControllerManagerConfig c = s.kubeControllerManager();
        String kcm = "kubeControllerManager.";
        add(out, o, kcm + "node-monitor-period", d(c.nodeMonitorPeriod()));
        add(out, o, kcm + "node-monitor-grace-period", d(c.nodeMonitorGracePeriod()));
        add(out, o, kcm + "node-startup-grace-period", d(c.nodeStartupGracePeriod()));
        add(out, o, kcm + "node-eviction-rate", num(c.nodeEvictionRate()));
        add(out, o, kcm + "secondary-node-eviction-rate", num(c.secondaryNodeEvictionRate()));
        add(out, o, kcm + "large-cluster-size-threshold", Integer.toString(c.largeClusterSizeThreshold()));
        add(out, o, kcm + "unhealthy-zone-threshold", num(c.unhealthyZoneThreshold()));
        add(out, o, kcm + "enable-taint-manager", Boolean.toString(c.enableTaintManager()));
        add(out, o, kcm + "pod-eviction-timeout", d(c.podEvictionTimeout()));
        add(out, o, "kubeApiServer.default-not-ready-toleration-seconds",
                Long.toString(s.kubeApiServer().defaultNotReadyTolerationSeconds()));
        add(out, o, "kubeApiServer.default-unreachable-toleration-seconds",
                Long.toString(s.kubeApiServer().defaultUnreachableTolerationSeconds()));
        add(out, o, "kubeScheduler", s.kubeScheduler().isEmpty() ? "(defaults)" : s.kubeScheduler().toString());
        Latencies l = s.latencies();
        add(out, o, "latencies.watch", l.watch().spec());
        add(out, o, "latencies.monitorPass", l.monitorPass().spec());
        add(out, o, "latencies.leaseRenewal", l.leaseRenewal().spec());
        add(out, o, "latencies.statusUpdate", l.statusUpdate().spec());
        add(out, o, "latencies.controller", l.controller().spec());
        add(out, o, "latencies.schedulingCycle", l.schedulingCycle().spec());
        add(out, o, "latencies.binding", l.binding().spec());
        for (int i = 0; i < s.nodes().size(); i++) {
            NodeGroup g = s.nodes().get(i);
            add(out, o, "nodes[" + i + "]", (g.pool() ? "pool " + g.name() + "-0.." + g.nodeName(g.count() - 1)
                    + " (" + g.count() + ")" : "node " + g.name()) + zones(g) + allocatable(g) + join(g));
        }
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            add(out, o, "workloads[" + i + "]", w.kind() + " " + w.namespace() + "/" + w.name()
                    + (w.kind().equals("DaemonSet") ? "" : ", replicas " + w.replicas()));
        }
        model(out, o, "startup.default", s.startup().defaults());
        s.startup().byWorkload().keySet().stream().sorted()
                .forEach(name -> model(out, o, "startup." + name, s.startup().byWorkload().get(name)));
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            add(out, o, "faults[" + i + "]", f.describe());
        }
        // Settings reached only by --set (inside manifests, node entries, kubeScheduler): their value is the
        // override's.
        java.util.Set<String> shown = new java.util.HashSet<>();
        out.forEach(r -> shown.add(r.path()));
        o.forEach((path, origin) -> {
            if (!shown.contains(path) && origin.source().equals("--set")) {
                out.add(new Setting(path, origin.detail().substring(origin.detail().indexOf('=') + 1), origin));
            }
        });
        return out;
    }

    private static void model(List<Setting> out, Map<String, SettingOrigin> o, String path, StartupConfig.Model m) {
        add(out, o, path + ".imagePull", m.imagePull().spec());
        add(out, o, path + ".containerStart", m.containerStart().spec());
    }

    private static void add(List<Setting> out, Map<String, SettingOrigin> o, String path, String value) {
        out.add(new Setting(path, value, o.getOrDefault(path, new SettingOrigin("default", "nodesim"))));
    }

    private static String join(NodeGroup g) {
        if (!g.joins()) {
            return "";
        }
        return ", joins at " + d(g.joinAt()) + (g.kubeletReadyAfter() == null ? ", kubelet never reports"
                : ", kubelet Ready after " + g.kubeletReadyAfter().spec());
    }

    private static String zones(NodeGroup g) {
        List<String> z = g.zones().stream().filter(x -> !x.isEmpty()).toList();
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
