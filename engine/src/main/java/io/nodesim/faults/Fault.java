package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;

/**
 * The behaviour of one fault type: what happens to the world when it starts and when it ends. A
 * fault changes only the world (machines, kubelets, network, the control plane's availability,
 * an operator's writes); the controllers notice and react on their own.
 */
public interface Fault {
    void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now);

    /** Called at the end of a fault with a duration (or when NodeRecover ends it early); nothing for an instant one. */
    default void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
    }
}
