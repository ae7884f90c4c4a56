package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeTable;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Samples;
import io.nodesim.cluster.WorkloadAvailability;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import java.util.ArrayList;
import java.util.List;

/** Turns the final cluster state into the rows of nodes.csv and pods.csv and the metric samples. */
final class Results {
    private Results() {
    }

    static RunResult collect(int replication, ClusterState cluster, Samples samples, PodDeletions deletions,
            long eventsFired, long end) {
        NodeTable nodes = cluster.nodes();
        List<NodeRecord> nodeRows = new ArrayList<>();
        for (int i = 0; i < nodes.count; i++) {
            if (nodes.touched(i)) {
                nodeRows.add(new NodeRecord(nodes.names[i], cluster.zones().get(nodes.zone[i]), nodes.failedAt[i],
                        nodes.unknownAt[i], nodes.noScheduleTaintAt[i], nodes.noExecuteTaintAt[i],
                        nodes.readyAgainAt[i]));
            }
        }
        PodTable pods = cluster.pods();
        List<PodRecord> podRows = new ArrayList<>();
        for (int p = 0; p < pods.count(); p++) {
            int node = pods.node[p];
            boolean disrupted = pods.notReadyAt[p] != SimTime.NEVER || pods.isDeleted(p);
            if (disrupted || nodes.failedAt[node] != SimTime.NEVER) {
                WorkloadInfo w = cluster.workloadOf(p);
                podRows.add(new PodRecord(pods.name(p), w.name(), nodes.names[node], pods.notReadyAt[p],
                        pods.deletedAt[p], null, null, SimTime.NEVER, SimTime.NEVER, SimTime.NEVER,
                        pods.falseEviction[p]));
            }
        }
        List<WorkloadRecord> workloadRows = new ArrayList<>();
        WorkloadAvailability a = cluster.availability();
        for (int w = 0; w < cluster.workloads().size(); w++) {
            WorkloadInfo info = cluster.workloads().get(w);
            workloadRows.add(new WorkloadRecord(info.name(), info.kind(), info.desired(), a.firstDisruption(w),
                    a.fullyReadyAgain(w), a.minReady(w), a.unavailable(w, end)));
        }
        return new RunResult(replication, nodeRows, podRows, workloadRows, cluster.recorder().events(),
                samples.toMap(deletions.falseEvictions()), eventsFired);
    }
}
