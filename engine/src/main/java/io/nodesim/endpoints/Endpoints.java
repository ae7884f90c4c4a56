package io.nodesim.endpoints;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.cluster.Samples;
import io.nodesim.cluster.WorkloadAvailability;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EndpointChange;
import io.nodesim.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the clients see: each pod's endpoint as kube-proxy programs it, each Service's count of
 * ready endpoints over time (the same accounting as the Ready pods of
 * {@link WorkloadAvailability}), and, for every pod whose containers died while kube-proxy still
 * sent it traffic, how long that lasted ({@code dead_endpoint_seconds}): from the node's fault for a
 * pod whose machine went down (crash, power-off), from its termination for a pod the kubelet
 * terminated (graceful node shutdown: Failed).
 */
public final class Endpoints implements KubeProxy.Sink, PodWatcher {
    private final ClusterState cluster;
    private final Samples samples;
    private final WorkloadAvailability ready;
    private boolean[] proxied;
    private long[] removedAt;
    private long[] readyLostAt;
    private final List<EndpointChange> changes = new ArrayList<>();

    public Endpoints(ClusterState cluster, Samples samples) {
        this.cluster = cluster;
        this.samples = samples;
        this.ready = new WorkloadAvailability(cluster);
        PodTable pods = cluster.pods();
        int n = Math.max(16, pods.count());
        proxied = new boolean[n];
        removedAt = new long[n];
        Arrays.fill(removedAt, SimTime.NEVER);
        readyLostAt = removedAt.clone();
        for (int p = 0; p < pods.count(); p++) {
            proxied[p] = pods.ready(p);
        }
    }

    /** kube-proxy's sync programmed the pod's endpoint as ready (serving traffic) or not. */
    @Override
    public void proxied(int pod, boolean isReady, long now) {
        grow(pod);
        if (proxied[pod] == isReady) {
            return;
        }
        proxied[pod] = isReady;
        int w = cluster.pods().workload(pod);
        ready.changed(w, isReady ? 1 : -1, now);
        changes.add(new EndpointChange(now, cluster.workloads().get(w).name(), isReady ? 1 : -1));
        if (!isReady) {
            if (removedAt[pod] == SimTime.NEVER) {
                removedAt[pod] = now;
            }
            recordDeadTraffic(pod, now);
        }
    }

    @Override
    public void podReadyChanged(int pod, boolean isReady, long time) {
        grow(pod);
        if (!isReady) {
            readyLostAt[pod] = time;
        }
    }

    private void recordDeadTraffic(int pod, long until) {
        PodTable pods = cluster.pods();
        NodeObjects nodes = cluster.nodes();
        int node = pods.node(pod);
        String metric = MetricRegistry.DEAD_ENDPOINT_SECONDS.name();
        if (pods.failed(pod)) {
            samples.addSince(metric, readyLostAt[pod], until);
        } else if (node >= 0 && pods.started(pod) && !nodes.containersRunning(node)) {
            samples.addSince(metric, nodes.causeAt(node), until);
        }
    }

    private void grow(int pod) {
        if (pod >= proxied.length) {
            int from = proxied.length;
            int n = PodTable.capacityFor(pod, from);
            proxied = Arrays.copyOf(proxied, n);
            removedAt = Arrays.copyOf(removedAt, n);
            Arrays.fill(removedAt, from, n, SimTime.NEVER);
            readyLostAt = Arrays.copyOf(readyLostAt, n);
            Arrays.fill(readyLostAt, from, n, SimTime.NEVER);
        }
    }

    /** The end of the run: dead pods kube-proxy still sends traffic to count until now. */
    public void finish(long end) {
        for (int p = 0; p < Math.min(proxied.length, cluster.pods().count()); p++) {
            if (proxied[p]) {
                recordDeadTraffic(p, end);
            }
        }
    }

    /** When kube-proxy first stopped sending the pod traffic; NEVER if it never did. */
    public long removedAt(int pod) {
        return pod < removedAt.length ? removedAt[pod] : SimTime.NEVER;
    }

    /** Every change of a Service's ready endpoints, in time order. */
    public List<EndpointChange> changes() {
        return List.copyOf(changes);
    }

    /** Each Service's ready endpoints at kube-proxy over time. */
    public WorkloadAvailability readyEndpoints() {
        return ready;
    }
}
