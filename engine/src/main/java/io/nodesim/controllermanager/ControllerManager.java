package io.nodesim.controllermanager;

import io.nodesim.cluster.ClusterState;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * kube-controller-manager: the controllers of one run, started together and restarted together
 * when the process restarts or fails over ({@code ControllerManagerRestart}, spec §1.11), which it
 * learns of from the control plane on the {@link io.nodesim.cluster.InformerBus}. The new process
 * starts campaigning when its downtime ends and runs its controllers once it holds the Lease
 * ({@link LeaderElection}; {@code cmd/kube-controller-manager/app/controllermanager.go} runs them from
 * {@code OnStartedLeading}). The order of {@link #controllers} is the order they are started and
 * restarted in.
 */
public final class ControllerManager {
    private final List<Controller> controllers;
    private final LeaderElection election;
    private final RandomGenerator rng;
    private long leadingSince;

    public ControllerManager(ClusterState cluster, List<Controller> controllers, LeaderElection election,
            RandomGenerator rng) {
        this.controllers = List.copyOf(controllers);
        this.election = election;
        this.rng = rng;
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

    /** When the running instance took the Lease (0 for the instance of t = 0). */
    public long leadingSince() {
        return leadingSince;
    }

    /** The process stopped at {@code now}; its successor starts campaigning {@code downtime} later. */
    private void restart(long now, long downtime) {
        leadingSince = election.acquiredAt(now + downtime, rng);
        for (Controller c : controllers) {
            c.restart(now, leadingSince - now);
        }
    }
}
