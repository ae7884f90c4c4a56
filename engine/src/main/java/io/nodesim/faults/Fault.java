package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;

/** One fault type: what happens to the target nodes when it starts and when it ends. */
public interface Fault {
    void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now);

    /** Called at the end of a fault with a duration (or when NodeRecover ends it early). */
    void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now);
}
