package io.nodesim.autoscaler;

/**
 * The nodes that exist, as the scheduler sees them: which pending pods would fit one of them now
 * ({@code core/podlistprocessor/filter_out_schedulable.go}: pods the scheduler has not bound yet but
 * can, e.g. on a node that just became Ready, are no reason to scale up).
 */
public interface ExistingNodes {
    /** Per pod (given by workload, in order), whether it fits an existing node once the earlier ones are placed. */
    boolean[] fit(int[] workloads);
}
