package io.nodesim.controllermanager;

/**
 * One controller of kube-controller-manager, as {@code cmd/kube-controller-manager/app} runs them:
 * started once with the process and started afresh when the process restarts or loses its lease
 * (spec §1.11). A controller learns of the cluster only through the
 * {@link io.nodesim.cluster.InformerBus} and writes only through the cluster state.
 */
public interface Controller {
    /** The name kube-controller-manager's {@code --controllers} flag knows it by. */
    String name();

    /** Starts the controller's loops at t = 0, as a process that has been running for a while. */
    default void start() {
    }

    /**
     * The process stops at {@code now}: every in-memory state is lost (work queues, timers, caches
     * beyond what the informers relist), and the new instance starts its loops {@code downtime} later.
     */
    void restart(long now, long downtime);
}
