package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeEpisode;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Samples;
import io.nodesim.cluster.WorkloadAvailability;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.endpoints.Endpoints;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.scenario.NodeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the final cluster state into the rows of nodes.csv, pods.csv and workloads.csv, and the
 * samples of every registered metric ({@link MetricRegistry#measure}).
 */
final class Results {
    private Results() {
    }

    private static PodRecord row(ClusterState cluster, Endpoints endpoints, int p) {
        PodTable pods = cluster.pods();
        NodeObjects nodes = cluster.nodes();
        int r = pods.replacement(p);
        String replacement = r < 0 ? null : pods.name(r);
        String replacementNode = r < 0 || pods.node(r) < 0 ? null : nodes.name(pods.node(r));
        return new PodRecord(pods.name(p), cluster.workloadOf(p).name(), nodes.name(pods.node(p)), pods.notReadyAt(p),
                pods.deletedAt(p), replacement, replacementNode, r < 0 ? SimTime.NEVER : pods.createdAt(r),
                r < 0 ? SimTime.NEVER : pods.scheduledAt(r), r < 0 ? SimTime.NEVER : pods.readyAt(r),
                pods.falseEviction(p), r < 0 ? SimTime.NEVER : pods.unschedulableAt(r), endpoints.removedAt(p));
    }

    private static NodeRecord row(String node, String zone, NodeEpisode e, int episode, long joinedAt) {
        return new NodeRecord(node, zone, e.failedAt(), e.unknownAt(), e.noScheduleTaintAt(), e.noExecuteTaintAt(),
                e.readyAgainAt(), episode, joinedAt);
    }

    static RunResult collect(int replication, ClusterState cluster, Endpoints endpoints, Samples samples,
            long eventsFired, long end) {
        endpoints.finish(end);
        NodeObjects nodes = cluster.nodes();
        List<NodeRecord> nodeRows = new ArrayList<>();
        for (int i = 0; i < nodes.count(); i++) {
            String zone = cluster.zones().get(nodes.zone(i));
            int episode = 0;
            long joined = nodes.createdAt(i) == NodeGroup.BEFORE_START ? SimTime.NEVER : nodes.createdAt(i);
            // indexed: collected under C1, which allocates an iterator per for-each (one per node)
            List<NodeEpisode> closed = nodes.closedEpisodes(i);
            for (int k = 0; k < closed.size(); k++) {
                nodeRows.add(row(nodes.name(i), zone, closed.get(k), ++episode, joined));
            }
            NodeEpisode open = nodes.openEpisode(i);
            if (open != null) {
                nodeRows.add(row(nodes.name(i), zone, open, ++episode, joined));
            }
        }
        for (NodeRecord n : nodeRows) {
            long notReady = n.notReadyMicros(end);
            if (notReady != SimTime.NEVER) {
                samples.add(MetricRegistry.TIME_NOT_READY.name(), notReady);
            }
        }
        PodTable pods = cluster.pods();
        List<PodRecord> podRows = new ArrayList<>();
        for (int p = 0; p < pods.count(); p++) {
            int node = pods.node(p);
            if (node < 0) {
                continue;
            }
            boolean disrupted = pods.notReadyAt(p) != SimTime.NEVER || pods.isDeleted(p);
            boolean onFaultedNode = nodes.failedAt(node) != SimTime.NEVER
                    && (pods.createdAt(p) == SimTime.NEVER || pods.createdAt(p) < nodes.failedAt(node));
            if (disrupted || onFaultedNode) {
                podRows.add(row(cluster, endpoints, p));
            }
        }
        List<WorkloadRecord> workloadRows = new ArrayList<>();
        WorkloadAvailability a = cluster.availability();
        WorkloadAvailability served = endpoints.readyEndpoints();
        for (int w = 0; w < cluster.workloads().size(); w++) {
            WorkloadInfo info = cluster.workloads().get(w);
            workloadRows.add(new WorkloadRecord(info.name(), info.kind(), info.desired(), a.firstDisruption(w),
                    a.fullyReadyAgain(w), a.minReady(w), a.unavailable(w, end),
                    WorkloadRecord.availability(a.unavailable(w, end), end), served.unavailable(w, end)));
        }
        RunResult recorded = new RunResult(replication, nodeRows, podRows, workloadRows, cluster.recorder().events(),
                samples.toMap(), eventsFired, endpoints.changes());
        return recorded.withMetrics(MetricRegistry.measure(recorded));
    }
}
