package io.nodesim.scheduler.explain;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.TaintEffects;
import io.nodesim.scheduler.plugins.NodeAffinity;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a scenario's pods at t = 0: pods that name a node are bound first; the others are
 * scheduled one cycle each, in the order their workloads appear and each workload's replicas in
 * order (ReplicaSet / StatefulSet controllers create pods in order); a DaemonSet gets one pod per
 * eligible node, pinned as the DaemonSet controller pins it.
 */
public final class ScheduleRun {
    private final SchedulerCache nodes = new SchedulerCache();
    private final PodCompiler compiler = new PodCompiler(nodes);
    private final Scheduler scheduler;
    private final List<Placement> placements = new ArrayList<>();

    private ScheduleRun(Scenario scenario) {
        for (NodeGroup g : scenario.nodes()) {
            nodes.addGroupAtStart(g);
        }
        scheduler = new Scheduler(nodes, scenario.kubeScheduler(), new RandomStreams(scenario.seed(), 0).stream("scheduler.ties"));
    }

    /** Runs the placement; bad workload content is a ScenarioException naming the workload. */
    public static ScheduleRun run(Scenario scenario) {
        ScheduleRun run = new ScheduleRun(scenario);
        List<Pending> pending = new ArrayList<>();
        for (int w = 0; w < scenario.workloads().size(); w++) {
            WorkloadSpec spec = scenario.workloads().get(w);
            try {
                run.expand(spec, pending);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(scenario.sourceFile(), 0, 0, "workloads[" + w + "]", e.getMessage());
            }
        }
        for (Pending p : pending) {
            if (p.pod.nodeName != null) {
                run.bindByName(p);
            }
        }
        for (Pending p : pending) {
            if (p.pod.nodeName == null) {
                ScheduleResult r = run.scheduler.schedule(p.pod, true);
                if (r.scheduled()) {
                    run.nodes.pods().addPod(p.pod, r.node());
                }
                run.placements.add(new Placement(p.name, p.workload, false, r.nodeName(), r, r.tieSet(run.nodes)));
            }
        }
        return run;
    }

    private record Pending(String name, String workload, CompiledPod pod) {
    }

    private void expand(WorkloadSpec w, List<Pending> out) {
        switch (w.kind()) {
            case "DaemonSet" -> {
                PodTemplateSpec template = withDaemonSetTolerations(w.template());
                CompiledPod probe = compiler.compile(w.name(), w.namespace(), template, null);
                for (int node : nodes.order()) {
                    if (daemonSetEligible(probe, nodes, node)) {
                        String name = w.name() + "-" + nodes.name(node);
                        out.add(new Pending(name, w.name(), compiler.compilePinned(probe, name, nodes.name(node))));
                    }
                }
            }
            case "Pod" -> out.add(new Pending(w.name(), w.name(), compiler.compile(w)));
            default -> {
                CompiledPod pod = compiler.compile(w);
                for (int i = 0; i < w.replicas(); i++) {
                    out.add(new Pending(w.name() + "-" + i, w.name(), pod));
                }
            }
        }
    }

    /** DaemonSet controller predicates: nodeSelector / required affinity and NoSchedule / NoExecute taints. */
    public static boolean daemonSetEligible(CompiledPod pod, SchedulerCache nodes, int node) {
        if (!NodeAffinity.matchesRequired(pod, nodes, node)) {
            return false;
        }
        int[] effects = nodes.taintEffects(node);
        for (int i = 0; i < effects.length; i++) {
            if (effects[i] != TaintEffects.PREFER_NO_SCHEDULE
                    && !pod.tolerates(nodes.taintKeys(node)[i], nodes.taintValues(node)[i], effects[i])) {
                return false;
            }
        }
        return true;
    }

    /** The tolerations the DaemonSet controller adds to its pods (daemon/util AddOrUpdateDaemonPodTolerations). */
    public static PodTemplateSpec withDaemonSetTolerations(PodTemplateSpec t) {
        List<Toleration> add = new ArrayList<>();
        add.add(tol("node.kubernetes.io/not-ready", "NoExecute"));
        add.add(tol("node.kubernetes.io/unreachable", "NoExecute"));
        add.add(tol("node.kubernetes.io/disk-pressure", "NoSchedule"));
        add.add(tol("node.kubernetes.io/memory-pressure", "NoSchedule"));
        add.add(tol("node.kubernetes.io/pid-pressure", "NoSchedule"));
        add.add(tol(TaintEffects.UNSCHEDULABLE_KEY, "NoSchedule"));
        if (t.getSpec() != null && Boolean.TRUE.equals(t.getSpec().getHostNetwork())) {
            add.add(tol("node.kubernetes.io/network-unavailable", "NoSchedule"));
        }
        return new PodTemplateSpecBuilder(t).editOrNewSpec().addAllToTolerations(add).endSpec().build();
    }

    private static Toleration tol(String key, String effect) {
        return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
    }

    private void bindByName(Pending p) {
        int node = nodes.indexOf(p.pod.nodeName);
        if (node >= 0) {
            nodes.pods().addPod(p.pod, node);
        }
        placements.add(new Placement(p.name, p.workload, true, node >= 0 ? p.pod.nodeName : null, null,
                node >= 0 ? List.of(p.pod.nodeName) : List.of()));
    }

    public List<Placement> placements() {
        return placements;
    }

    public SchedulerCache nodes() {
        return nodes;
    }

    public SchedulerConfiguration configuration() {
        return scheduler.configuration();
    }
}
