package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.kubelet.NodeNamePods;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.cluster.Samples;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The kube-controller-manager's workload controllers of one run and the kubelets' pod start-up,
 * wired to the pod events: a deletion goes to the ReplicaSet controller (Deployments and
 * ReplicaSets) and the StatefulSet controller; a removed object and a pod Ready go to the
 * StatefulSet controller; a removed DaemonSet pod to the DaemonSet controller, which creates a new
 * one on the same node once the node fits again, and a node that joins gets its DaemonSet pods from
 * it too. Bare pods have no controller. Each controller draws from its own stream.
 */
public final class WorkloadControllers implements PodWatcher {
    private final ClusterState cluster;
    private final List<WorkloadTemplate> templates = new ArrayList<>();
    private final ReplicaSetController replicaSets;
    private final StatefulSetController statefulSets;
    private final PodGarbageCollector podGc;
    private final DaemonSetController daemonSets;
    private final PodStartup startup;

    public WorkloadControllers(Simulation sim, ClusterState cluster, Scenario scenario, PodDeletions deletions,
            Samples samples, RandomStreams streams, DaemonSetController.NodeFit daemonFit) {
        this.cluster = cluster;
        scenario.workloads().forEach(w -> templates.add(WorkloadTemplate.of(w, scenario.startup())));
        Latencies lat = scenario.latencies();
        // ClientOrDie("replicaset-controller"): a client, and so a limiter, of its own
        var kcm = scenario.kubeControllerManager();
        replicaSets = new ReplicaSetController(sim, cluster, new ApiClient(kcm.kubeApiQps(), kcm.kubeApiBurst()),
                lat.watch(), lat.controller(), streams.stream("replicaset"));
        statefulSets = new StatefulSetController(sim, cluster, templates, deletions, lat.watch(), lat.controller(),
                streams.stream("statefulset"));
        daemonSets = new DaemonSetController(sim, cluster, scenario, daemonFit, deletions, lat.watch(),
                lat.controller(),
                streams.stream("daemonset"));
        NodeNamePods nodeNamePods = new NodeNamePods(cluster, scenario);
        boolean podGcPatchesFailed = VersionProfiles.forVersion(scenario.kubernetesVersion())
                .has(VersionProfiles.Rule.POD_GC_MARKS_FAILED);
        podGc = new PodGarbageCollector(sim, cluster, deletions, new ApiClient(kcm.kubeApiQps(), kcm.kubeApiBurst()),
                podGcPatchesFailed, lat.watch(), lat.controller(), streams.stream("podgc"), nodeNamePods);
        startup = new PodStartup(sim, cluster, templates, new AttachDetachController(cluster), samples, lat.watch(),
                streams.stream("kubelet.startup"));
        startup.setReadyListener(statefulSets::podChanged);
        cluster.informers().watchPods(this);
        cluster.informers().watchPods(startup);
        cluster.informers().watchNodes(podGc);
        cluster.informers().watchNodes(nodeNamePods);
        cluster.informers().watchNodes(daemonSets);
    }

    /** The kube-controller-manager controllers among them, in the order they start and restart. */
    public List<Controller> controllers() {
        return List.of(podGc, replicaSets, statefulSets, daemonSets);
    }

    public ReplicaSetController replicaSets() {
        return replicaSets;
    }

    /** The kubelets' start-up of bound pods (the scheduler's binding hands pods to it). */
    public PodStartup startup() {
        return startup;
    }

    public List<WorkloadTemplate> templates() {
        return templates;
    }

    /** A Failed pod is no longer active: its controller replaces it (a StatefulSet or DaemonSet deletes it first). */
    @Override
    public void podFailed(int pod, long time) {
        int w = cluster.pods().workload(pod);
        WorkloadTemplate t = templates.get(w);
        if (t.replicaSet()) {
            replicaSets.podDeleted(pod, time);
        } else if (t.statefulSet()) {
            statefulSets.podChanged(pod, time);
        } else if (cluster.workloads().get(w).daemonSet()) {
            daemonSets.podFailed(pod, time);
        }
    }

    @Override
    public void podDeleted(int pod, long time) {
        WorkloadTemplate t = templates.get(cluster.pods().workload(pod));
        if (cluster.pods().failed(pod)) {
            // already replaced when it failed; a StatefulSet learns of it from podGone
            return;
        }
        if (t.replicaSet()) {
            replicaSets.podDeleted(pod, time);
        } else if (t.statefulSet()) {
            statefulSets.podChanged(pod, time);
        }
    }

    @Override
    public void podGone(int pod, long time) {
        int w = cluster.pods().workload(pod);
        if (templates.get(w).statefulSet()) {
            statefulSets.podChanged(pod, time);
        } else if (cluster.workloads().get(w).daemonSet()) {
            daemonSets.podGone(pod, time);
        }
    }
}
