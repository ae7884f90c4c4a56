package io.nodesim.cluster;

import java.util.Arrays;

/**
 * The one place where controllers learn of API-server writes, as the real ones learn through their
 * shared informers ({@code k8s.io/client-go/tools/cache/shared_informer.go}). The mutators of
 * {@link ClusterState}, {@link PodDeletions} and {@link ControlPlane} (the API server's and the
 * controller manager's availability) publish here at the instant
 * of the write; a watcher that models a watch delay schedules its own event (so a watch delay is an
 * event, drawn from the watcher's own random stream).
 *
 * <p>Watchers are told in the order they subscribed; that order decides which of two events at an
 * equal time fires first, so it is part of a run's determinism and is fixed in one place
 * ({@code io.nodesim.simulation.ClusterSimulation}). Dispatch walks plain arrays: no allocation.
 */
public final class InformerBus {
    private NodeWatcher[] nodeWatchers = new NodeWatcher[0];
    private PodWatcher[] podWatchers = new PodWatcher[0];
    private ApiServerWatcher[] apiServerWatchers = new ApiServerWatcher[0];
    private ControllerManagerWatcher[] controllerManagerWatchers = new ControllerManagerWatcher[0];

    public void watchNodes(NodeWatcher watcher) {
        nodeWatchers = append(nodeWatchers, watcher);
    }

    public void watchPods(PodWatcher watcher) {
        podWatchers = append(podWatchers, watcher);
    }

    public void watchApiServer(ApiServerWatcher watcher) {
        apiServerWatchers = append(apiServerWatchers, watcher);
    }

    public void watchControllerManager(ControllerManagerWatcher watcher) {
        controllerManagerWatchers = append(controllerManagerWatchers, watcher);
    }

    private static <T> T[] append(T[] a, T x) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    void nodeCreated(int node, long time) {
        for (NodeWatcher w : nodeWatchers) {
            w.nodeCreated(node, time);
        }
    }

    void nodeStatusWritten(int node, long time) {
        for (NodeWatcher w : nodeWatchers) {
            w.nodeStatusWritten(node, time);
        }
    }

    void taintsChanged(int node, int before, int after, long time) {
        for (NodeWatcher w : nodeWatchers) {
            w.taintsChanged(node, before, after, time);
        }
    }

    void nodeSpecChanged(int node, long time) {
        for (NodeWatcher w : nodeWatchers) {
            w.nodeSpecChanged(node, time);
        }
    }

    void nodeDeleted(int node, long time) {
        for (NodeWatcher w : nodeWatchers) {
            w.nodeDeleted(node, time);
        }
    }

    void podCreated(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podCreated(pod, time);
        }
    }

    void podUnschedulable(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podUnschedulable(pod, time);
        }
    }

    void podBound(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podBound(pod, time);
        }
    }

    void podDeleted(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podDeleted(pod, time);
        }
    }

    void podFailed(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podFailed(pod, time);
        }
    }

    void podGone(int pod, long time) {
        for (PodWatcher w : podWatchers) {
            w.podGone(pod, time);
        }
    }

    void apiServerRecovered(long time) {
        for (ApiServerWatcher w : apiServerWatchers) {
            w.apiServerRecovered(time);
        }
    }

    void controllerManagerRestarted(long now, long downtime) {
        for (ControllerManagerWatcher w : controllerManagerWatchers) {
            w.restarted(now, downtime);
        }
    }
}
