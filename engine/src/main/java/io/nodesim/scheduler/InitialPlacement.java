package io.nodesim.scheduler;

import io.nodesim.cluster.Topology;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.plugins.NodeAffinity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The pods of t = 0 placed by the kube-scheduler model: the one placement {@code nodesim schedule}
 * and {@code nodesim run} share. Pods that name a node are bound first; the others get one
 * scheduling cycle each, in the order their workloads appear and each workload's replicas in order
 * (ReplicaSet / StatefulSet controllers create pods in order); a DaemonSet gets one pod per eligible
 * node, pinned as the DaemonSet controller pins it ({@code pkg/controller/daemon/daemon_controller.go}
 * {@code NodeShouldRunDaemonPod}). The pods are the scenario's admitted ones, so both commands see
 * the same tolerations. The node table is built from the {@link Topology}, so its indices are the cluster's.
 * With {@code spec.initialPlacement} the pods its rows name are bound first ({@link ImportedPlacementBinding}).
 */
public final class InitialPlacement {
    /**
     * One pod, in order of appearance.
     *
     * @param node its node, or -1 when unschedulable or when it names a node that does not exist
     * @param result the explained cycle, or null when not explained or bound by name
     */
    public record Pod(String name, int workload, CompiledPod compiled, boolean boundByNodeName, int node,
            ScheduleResult result) {
    }

    private final SchedulerCache nodes = new SchedulerCache();
    private final PodCompiler compiler;
    private final Scheduler scheduler;
    private final CompiledPod[] workloadTemplates;
    private final String[] workloadNames;
    private final ArrayList<Pod> pods = new ArrayList<>();
    private final ArrayList<Pod> placementOrder = new ArrayList<>();
    /** The pods given a scheduling cycle (neither bound by a row nor naming a node), in order. */
    private final ArrayList<Pod> scheduled = new ArrayList<>();

    private InitialPlacement(PlacementInputs in, Topology topology, RandomGenerator ties) {
        nodes.reserve(topology.size());
        for (int i = 0; i < topology.size(); i++) {
            if (nodes.addNode(topology.template(i), topology.name(i), topology.zoneLabel(i)) != i) {
                throw new IllegalStateException("the scheduler cache numbers node " + topology.name(i) + " differently");
            }
            if (topology.joins(i)) {
                // Its Node object does not exist yet: the index is kept until the node is created.
                nodes.removeNode(i);
            }
        }
        scheduler = new Scheduler(nodes, in.kubeScheduler(), ties);
        compiler = new PodCompiler(nodes, in.kubeScheduler().sidecarHostPorts(),
                NamespaceLabels.of(in.namespaces(), in.kubernetesVersion()), in.kubernetesVersion());
        workloadTemplates = new CompiledPod[in.workloads().size()];
        workloadNames = in.workloads().stream().map(WorkloadSpec::displayName).toArray(String[]::new);
    }

    /**
     * Places every pod; {@code explain} records each cycle's scores and rejections (same choices, slower).
     * The loader has compiled every template already ({@code ScenarioLoader}), so bad templates never get here.
     */
    public static InitialPlacement place(Scenario scenario, RandomGenerator ties, boolean explain) {
        return place(scenario, Topology.of(scenario.nodes()), ties, explain);
    }

    /** As {@link #place(Scenario, RandomGenerator, boolean)}, on the run's topology (its node indices). */
    public static InitialPlacement place(Scenario scenario, Topology topology, RandomGenerator ties, boolean explain) {
        return place(PlacementInputs.of(scenario), topology, ties, explain, null);
    }

    /**
     * As {@link #place(Scenario, Topology, RandomGenerator, boolean)} for replication {@code replication}
     * (whose "scheduler.ties" stream {@code ties} is, untouched yet): replays the placement {@code memo}
     * holds for the same inputs, seed and replication, or places the pods and remembers how.
     */
    public static InitialPlacement place(Scenario scenario, Topology topology, RandomGenerator ties, PlacementMemo memo,
            int replication) {
        PlacementInputs in = PlacementInputs.of(scenario);
        PlacementMemo.Placement known = memo.find(in, scenario.seed(), replication);
        if (known != null) {
            return replay(in, topology, ties, known);
        }
        TieDraws draws = new TieDraws(ties);
        InitialPlacement p = place(in, topology, draws, false, null);
        int[] chosen = p.scheduled.stream().mapToInt(Pod::node).toArray();
        memo.remember(new PlacementMemo.Placement(in, scenario.seed(), replication, chosen, draws.stopNoting(),
                p.scheduler.nextStartNodeIndex()));
        return p;
    }

    private static InitialPlacement replay(PlacementInputs in, Topology topology, RandomGenerator ties,
            PlacementMemo.Placement known) {
        InitialPlacement p = place(in, topology, ties, false, known.nodes());
        TieDraws.replay(ties, known.tieBounds());
        p.scheduler.resumeAt(known.nextStartNodeIndex());
        return p;
    }

    /** @param replayed per pod to schedule, the node a remembered placement chose, or null to schedule them */
    private static InitialPlacement place(PlacementInputs in, Topology topology, RandomGenerator ties, boolean explain,
            int[] replayed) {
        InitialPlacement p = new InitialPlacement(in, topology, ties);
        List<Pod> pending = p.pending(in);
        // sized once: at 200,000 pods three growing lists copied 10 MB
        p.pods.ensureCapacity(pending.size());
        p.placementOrder.ensureCapacity(pending.size());
        p.scheduled.ensureCapacity(pending.size());
        Pod[] placed = ImportedPlacementBinding.bind(in, pending, p.nodes);
        for (Pod bound : placed) {
            if (bound != null) {
                p.placementOrder.add(bound);
            }
        }
        for (int i = 0; i < placed.length; i++) {
            Pod pod = pending.get(i);
            if (placed[i] == null && pod.compiled().nodeName != null) {
                int node = p.nodes.indexOf(pod.compiled().nodeName);
                if (node >= 0) {
                    p.nodes.pods().addPod(pod.compiled(), node);
                }
                placed[i] = new Pod(pod.name(), pod.workload(), pod.compiled(), true, node, null);
                p.placementOrder.add(placed[i]);
            }
        }
        for (int i = 0; i < placed.length; i++) {
            Pod pod = pending.get(i);
            if (placed[i] == null) {
                if (explain) {
                    placed[i] = p.explained(pod);
                } else {
                    int node = replayed == null ? p.scheduler.place(pod.compiled()) : p.assume(pod, replayed);
                    placed[i] = new Pod(pod.name(), pod.workload(), pod.compiled(), false, node, null);
                }
                p.placementOrder.add(placed[i]);
                p.scheduled.add(placed[i]);
            }
        }
        p.pods.addAll(Arrays.asList(placed));
        return p;
    }

    /** The remembered choice for the next pod to schedule, assumed as the scheduling cycle would. */
    private int assume(Pod pod, int[] replayed) {
        int node = replayed[scheduled.size()];
        if (node >= 0) {
            nodes.pods().addPod(pod.compiled(), node);
        }
        return node;
    }

    /**
     * Binds the pods {@code spec.initialPlacement} names, as {@link #place} does first, and schedules nothing:
     * the loader calls it so that a row whose pod no longer fits its node is bad input for every command.
     */
    public static void bindImported(Scenario scenario) {
        if (scenario.initialPlacement() != null) {
            // no scheduling cycle runs, so no tie is ever broken
            PlacementInputs in = PlacementInputs.of(scenario);
            InitialPlacement p = new InitialPlacement(in, Topology.of(scenario.nodes()), null);
            ImportedPlacementBinding.bind(in, p.pending(in), p.nodes);
        }
    }

    /** Every pod of t = 0, in order of appearance, none placed yet. */
    private List<Pod> pending(PlacementInputs in) {
        List<Pod> pending = new ArrayList<>();
        for (int w = 0; w < in.workloads().size(); w++) {
            expand(w, in.workloads().get(w), pending, ImportedPlacementBinding.daemonNodes(in, in.workloads().get(w)));
        }
        return pending;
    }

    private Pod explained(Pod pod) {
        ScheduleResult r = scheduler.schedule(pod.compiled(), true);
        if (r.scheduled()) {
            nodes.pods().addPod(pod.compiled(), r.node());
        }
        return new Pod(pod.name(), pod.workload(), pod.compiled(), false, r.node(), r);
    }

    /** @param running nodes where {@code spec.initialPlacement} runs a pod of this DaemonSet already */
    private void expand(int w, WorkloadSpec spec, List<Pod> out, java.util.Set<String> running) {
        if ("DaemonSet".equals(spec.kind())) {
            CompiledPod probe = compiler.compile(spec.name(), spec.namespace(), spec.template(), null);
            workloadTemplates[w] = probe;
            for (int node : nodes.order().clone()) {
                if (daemonSetEligible(probe, nodes, node) || running.contains(nodes.name(node))) {
                    String name = spec.displayName() + "-" + nodes.name(node);
                    out.add(new Pod(name, w, compiler.compilePinned(probe, name, nodes.name(node)), false, -1, null));
                }
            }
            return;
        }
        workloadTemplates[w] = compiler.compile(spec);
        if ("Pod".equals(spec.kind())) {
            out.add(new Pod(spec.displayName(), w, workloadTemplates[w], false, -1, null));
            return;
        }
        for (int i = 0; i < spec.replicas(); i++) {
            out.add(new Pod(spec.displayName() + "-" + i, w, workloadTemplates[w], false, -1, null));
        }
    }

    /**
     * DaemonSet controller predicates ({@code NodeShouldRunDaemonPod}): nodeSelector / required
     * affinity and the node's NoSchedule / NoExecute taints as the cache holds them.
     */
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

    public Scheduler scheduler() {
        return scheduler;
    }

    public SchedulerCache nodes() {
        return nodes;
    }

    /** Every pod in order of appearance. */
    public List<Pod> pods() {
        return pods;
    }

    /** Every pod in the order it was placed: those bound by name first. */
    public List<Pod> placementOrder() {
        return placementOrder;
    }

    public String workloadName(int w) {
        return workloadNames[w];
    }

    /** A new pod of DaemonSet {@code w} for {@code node}, pinned there as the DaemonSet controller pins it. */
    public CompiledPod pinnedTemplate(int w, String podName, String node) {
        return compiler.compilePinned(workloadTemplates[w], podName, node);
    }

    /** The compiled template of workload {@code w}'s pods (a DaemonSet's: unpinned). */
    public CompiledPod workloadTemplate(int w) {
        return workloadTemplates[w];
    }
}
