package io.nodesim.simulation;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.PodPlacement;
import io.nodesim.cluster.Topology;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerConfigurations;
import io.nodesim.scheduler.explain.ScheduleRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The pods of t = 0 placed by the kube-scheduler model, as {@code nodesim schedule} places them:
 * pods that name a node are bound first, then the others get one scheduling cycle each (the hot
 * path {@link Scheduler#place}) in order of appearance; a DaemonSet gets one pod per eligible node,
 * pinned. The scheduler, its node table (built from the run's {@link Topology}, so its node
 * indices are the cluster's) and each pod's compiled template stay for the live run.
 */
public final class SchedulerPlacement implements PodPlacement {
    private final SchedulerCache nodes = new SchedulerCache();
    private final PodCompiler compiler = new PodCompiler(nodes);
    private final Topology topology;
    private final RandomGenerator ties;
    private Scheduler scheduler;
    private io.nodesim.scenario.ApiServerConfig apiServer;
    private CompiledPod[] workloadTemplate = new CompiledPod[0];
    private CompiledPod[] podTemplate = new CompiledPod[0];

    /** @param ties the replication's "scheduler.ties" stream */
    public SchedulerPlacement(Topology topology, RandomGenerator ties) {
        this.topology = topology;
        this.ties = ties;
    }

    @Override
    public List<Placed> placeAll(Scenario scenario) {
        apiServer = scenario.kubeApiServer();
        for (int i = 0; i < topology.size(); i++) {
            if (nodes.addNode(topology.template(i), topology.name(i), topology.zoneName(i)) != i) {
                throw new IllegalStateException("the scheduler cache numbers node " + topology.name(i) + " differently");
            }
            if (topology.joins(i)) {
                // Its Node object does not exist yet: the index is kept until the node is created.
                nodes.removeNode(i);
            }
        }
        scheduler = new Scheduler(nodes, SchedulerConfigurations.compile(scenario.kubeScheduler(),
                scenario.kubernetesVersion(), scenario.profile(), scenario.sourceFile()), ties);
        List<Placed> out = new ArrayList<>();
        List<CompiledPod> templates = new ArrayList<>();
        workloadTemplate = new CompiledPod[scenario.workloads().size()];
        for (int w = 0; w < scenario.workloads().size(); w++) {
            try {
                expand(w, scenario.workloads().get(w), out, templates);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(scenario.sourceFile(), 0, 0, "workloads[" + w + "]", e.getMessage());
            }
        }
        podTemplate = templates.toArray(new CompiledPod[0]);
        int[] node = new int[out.size()];
        Arrays.fill(node, -1);
        for (int i = 0; i < node.length; i++) {
            String name = podTemplate[i].nodeName;
            if (name != null && nodes.indexOf(name) >= 0) {
                node[i] = nodes.indexOf(name);
                nodes.pods().addPod(podTemplate[i], node[i]);
            }
        }
        for (int i = 0; i < node.length; i++) {
            if (podTemplate[i].nodeName == null) {
                node[i] = scheduler.place(podTemplate[i]);
            }
        }
        List<Placed> placed = new ArrayList<>(out.size());
        for (int i = 0; i < node.length; i++) {
            placed.add(new Placed(out.get(i).workload(), out.get(i).name(), node[i]));
        }
        return placed;
    }

    private void expand(int w, WorkloadSpec spec, List<Placed> out, List<CompiledPod> templates) {
        switch (spec.kind()) {
            case "DaemonSet" -> {
                PodTemplateSpec template = ScheduleRun.withDaemonSetTolerations(spec.template());
                CompiledPod probe = compiler.compile(spec.name(), spec.namespace(), template, null);
                workloadTemplate[w] = probe;
                for (int node : nodes.order().clone()) {
                    if (ScheduleRun.daemonSetEligible(probe, nodes, node)) {
                        String name = spec.name() + "-" + nodes.name(node);
                        out.add(new Placed(w, name, -1));
                        templates.add(compiler.compilePinned(probe, name, nodes.name(node)));
                    }
                }
            }
            case "Pod" -> {
                workloadTemplate[w] = compiler.compile(withDefaultTolerations(spec));
                out.add(new Placed(w, spec.name(), -1));
                templates.add(workloadTemplate[w]);
            }
            default -> {
                workloadTemplate[w] = compiler.compile(withDefaultTolerations(spec));
                for (int i = 0; i < spec.replicas(); i++) {
                    out.add(new Placed(w, spec.name() + "-" + i, -1));
                    templates.add(workloadTemplate[w]);
                }
            }
        }
    }

    /**
     * The pod as the API server stores it: the DefaultTolerationSeconds admission plugin adds
     * {@code not-ready} / {@code unreachable} NoExecute tolerations (tolerationSeconds from the
     * kube-apiserver flags) to a pod that has none for the key. The scheduler sees them, so a pod
     * may land on a node that only keeps its NoExecute taint until the next monitor pass.
     */
    private WorkloadSpec withDefaultTolerations(WorkloadSpec spec) {
        List<Toleration> add = new ArrayList<>();
        List<Toleration> have = spec.template().getSpec() == null || spec.template().getSpec().getTolerations() == null
                ? List.of() : spec.template().getSpec().getTolerations();
        for (String key : new String[] {ControllerTaints.NOT_READY_KEY, ControllerTaints.UNREACHABLE_KEY}) {
            boolean tolerated = have.stream().anyMatch(t -> (t.getKey() == null || t.getKey().isEmpty()
                    ? "Exists".equals(t.getOperator()) : key.equals(t.getKey()))
                    && (t.getEffect() == null || t.getEffect().isEmpty() || "NoExecute".equals(t.getEffect())));
            if (!tolerated) {
                add.add(new Toleration("NoExecute", key, "Exists", defaultSeconds(key), null));
            }
        }
        if (add.isEmpty()) {
            return spec;
        }
        PodTemplateSpec t = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(spec.template()).editOrNewSpec()
                .addAllToTolerations(add).endSpec().build();
        return new WorkloadSpec(spec.kind(), spec.name(), spec.namespace(), spec.replicas(), spec.selector(), t,
                spec.manifest());
    }

    private long defaultSeconds(String key) {
        return ControllerTaints.NOT_READY_KEY.equals(key) ? apiServer.defaultNotReadyTolerationSeconds()
                : apiServer.defaultUnreachableTolerationSeconds();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public SchedulerCache nodes() {
        return nodes;
    }

    /** The compiled template of workload {@code w}'s pods (a DaemonSet's: unpinned, with its tolerations). */
    public CompiledPod workloadTemplate(int w) {
        return workloadTemplate[w];
    }

    /** The compiled template of the i-th pod of {@link #placeAll}. */
    public CompiledPod podTemplate(int i) {
        return podTemplate[i];
    }
}
