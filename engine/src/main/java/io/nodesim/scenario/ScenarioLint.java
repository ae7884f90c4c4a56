package io.nodesim.scenario;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.admission.DefaultTolerationSeconds;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Warnings about settings that load but fight each other or the way Kubernetes detects failures
 * (spec §1.2, §1.6, §2). Each warning says why. {@code validate} and {@code explain} print them.
 */
public final class ScenarioLint {
    /**
     * The kubelet's client notices a dead API server connection only after the HTTP/2 read-idle
     * timeout (30 s) plus the ping timeout (15 s): the reason PR #126287 raised the grace period to
     * 50 s.
     */
    public static final long KUBELET_CONNECTION_DETECTION = 45 * SimTime.SECOND;
    private static final Set<String> NODE_TAINTS = Set.of("node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready");

    private ScenarioLint() {
    }

    public static List<LintWarning> check(Scenario s) {
        List<LintWarning> w = new ArrayList<>();
        ControllerManagerConfig kcm = s.kubeControllerManager();
        long grace = kcm.nodeMonitorGracePeriod();
        String g = "kubeControllerManager.node-monitor-grace-period";
        long heartbeat = heartbeatInterval(s);
        if (grace < 2 * heartbeat) {
            w.add(new LintWarning(g, "grace period " + fmt(grace) + " is shorter than two heartbeat intervals ("
                    + fmt(heartbeat) + " each): one late or lost heartbeat marks a healthy node Unknown"));
        }
        if (grace < KUBELET_CONNECTION_DETECTION) {
            w.add(new LintWarning(g, "grace period " + fmt(grace) + " is below the 45 s the kubelet needs to notice a "
                    + "dead API server connection (HTTP/2 read-idle 30 s + ping 15 s): an API server failover can "
                    + "make healthy nodes NotReady (the reason 1.32 raised the default to 50 s, PR #126287)"));
        }
        if (grace % kcm.nodeMonitorPeriod() != 0) {
            w.add(new LintWarning("kubeControllerManager.node-monitor-period", "node-monitor-period "
                    + fmt(kcm.nodeMonitorPeriod()) + " does not divide the grace period " + fmt(grace)
                    + ": detection then lands anywhere up to a whole period after the deadline, which blurs "
                    + "comparisons between grace periods"));
        }
        if (kcm.nodeStartupGracePeriod() < grace) {
            w.add(new LintWarning("kubeControllerManager.node-startup-grace-period", "node-startup-grace-period "
                    + fmt(kcm.nodeStartupGracePeriod()) + " is shorter than node-monitor-grace-period " + fmt(grace)
                    + ": new nodes are given less time than running ones"));
        }
        tolerations(s, grace, w);
        conflicts(s, w);
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            if (f.at() >= s.duration()) {
                w.add(new LintWarning("faults[" + i + "].at", "the fault starts at " + fmt(f.at())
                        + ", at or after the end of the run (duration " + fmt(s.duration()) + "): it never happens"));
            }
        }
        return w;
    }

    /** The interval at which the node lifecycle controller sees fresh heartbeats from a live node. */
    static long heartbeatInterval(Scenario s) {
        KubeletConfig k = s.kubelet();
        if (!s.profile().nodeLease()) {
            return k.nodeStatusUpdateFrequency();
        }
        return Math.min(k.leaseRenewInterval(), k.nodeStatusReportFrequency());
    }

    private static void tolerations(Scenario s, long grace, List<LintWarning> w) {
        if (!s.kubeControllerManager().enableTaintManager()) {
            return;
        }
        ApiServerConfig api = s.kubeApiServer();
        long detection = grace;
        String why = " is shorter than the time to detect a failure (node-monitor-grace-period " + fmt(grace)
                + "): a heartbeat gap just over the grace period already evicts, so a blip costs pods almost at once";
        if (api.defaultUnreachableTolerationSeconds() * SimTime.SECOND < detection) {
            w.add(new LintWarning("kubeApiServer.default-unreachable-toleration-seconds",
                    api.defaultUnreachableTolerationSeconds() + " s" + why));
        }
        if (api.defaultNotReadyTolerationSeconds() * SimTime.SECOND < detection) {
            w.add(new LintWarning("kubeApiServer.default-not-ready-toleration-seconds",
                    api.defaultNotReadyTolerationSeconds() + " s" + why));
        }
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec workload = s.workloads().get(i);
            PodSpec spec = workload.template().getSpec();
            if (spec == null || spec.getTolerations() == null) {
                continue;
            }
            for (int t = 0; t < spec.getTolerations().size(); t++) {
                Toleration tol = spec.getTolerations().get(t);
                if (DefaultTolerationSeconds.added(tol, api)) {
                    continue; // the kubeApiServer flag's own warning covers it
                }
                boolean nodeTaint = tol.getKey() == null || NODE_TAINTS.contains(tol.getKey());
                boolean noExecute = tol.getEffect() == null || "NoExecute".equals(tol.getEffect());
                Long secs = tol.getTolerationSeconds();
                if (nodeTaint && noExecute && secs != null && secs * SimTime.SECOND < detection) {
                    w.add(new LintWarning(workload.path(i) + ".spec.template.spec.tolerations[" + t + "]",
                            "tolerationSeconds " + secs + why));
                }
            }
        }
    }

    private static void conflicts(Scenario s, List<LintWarning> w) {
        ControllerManagerConfig kcm = s.kubeControllerManager();
        if (explicit(s, "kubeControllerManager.pod-eviction-timeout") && kcm.enableTaintManager()) {
            w.add(new LintWarning("kubeControllerManager.pod-eviction-timeout", "pod-eviction-timeout is set but "
                    + "enable-taint-manager is true: the timeout only drives the legacy path and has no effect; "
                    + "pods are evicted by tolerationSeconds"));
        }
        if (explicit(s, "kubelet.nodeStatusReportFrequency") && !s.profile().nodeLease()) {
            w.add(new LintWarning("kubelet.nodeStatusReportFrequency", "without the NodeLease feature ("
                    + s.kubernetesVersion() + ") the kubelet posts every status it computes; "
                    + "nodeStatusReportFrequency is ignored"));
        }
        if (s.profile().nodeLease() && s.kubelet().leaseRenewInterval() >= kcm.nodeMonitorGracePeriod()) {
            w.add(new LintWarning("kubelet.nodeLeaseDurationSeconds", "the lease is renewed every "
                    + fmt(s.kubelet().leaseRenewInterval()) + " (a quarter of nodeLeaseDurationSeconds), not more "
                    + "often than the grace period " + fmt(kcm.nodeMonitorGracePeriod()) + ": healthy nodes flap"));
        }
    }

    private static boolean explicit(Scenario s, String path) {
        SettingOrigin o = s.origins().get(path);
        return o != null && (o.source().equals("file") || o.source().equals("--set"));
    }

    private static String fmt(long micros) {
        return Durations.format(micros);
    }
}
