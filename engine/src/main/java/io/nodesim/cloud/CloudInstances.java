package io.nodesim.cloud;

/**
 * Which nodes' cloud instances still exist (the world a {@code NodeTerminated} fault changes: the
 * instance is deleted, a spot / preemptible VM reclaimed). The cloud's
 * {@code InstancesV2.InstanceExists} answers from here.
 */
public final class CloudInstances {
    private final boolean[] terminated;
    private int count;
    private Runnable firstTermination = () -> {
    };

    public CloudInstances(int nodes) {
        terminated = new boolean[nodes];
    }

    /** What to do when the first instance of the run goes (start the controller's loop). */
    void onFirstTermination(Runnable r) {
        firstTermination = r;
    }

    public void terminate(int node) {
        if (terminated[node]) {
            return;
        }
        terminated[node] = true;
        if (count++ == 0) {
            firstTermination.run();
        }
    }

    public boolean exists(int node) {
        return !terminated[node];
    }
}
