package io.nodesim.controllermanager;

import io.nodesim.cluster.ClusterState;
import java.util.List;

/**
 * kube-controller-manager: the controllers of one run, started together and restarted together
 * when the process restarts or fails over ({@code ControllerManagerRestart}, spec §1.11), which it
 * learns of from the control plane on the {@link io.nodesim.cluster.InformerBus}. The order of
 * {@link #controllers} is the order they are started and restarted in.
 */
public final class ControllerManager {
    private final List<Controller> controllers;

    public ControllerManager(ClusterState cluster, List<Controller> controllers) {
        this.controllers = List.copyOf(controllers);
        cluster.informers().watchControllerManager(this::restart);
    }

    public List<Controller> controllers() {
        return controllers;
    }

    public void start() {
        for (Controller c : controllers) {
            c.start();
        }
    }

    private void restart(long now, long downtime) {
        for (Controller c : controllers) {
            c.restart(now, downtime);
        }
    }
}
