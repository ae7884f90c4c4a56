package io.nodesim.scheduler.preemption;

import io.nodesim.scheduler.CompiledPod;

/**
 * What preemption reads of the PodDisruptionBudgets (the scheduler's PDB lister):
 * {@code status.disruptionsAllowed} and whether a budget counts a pod (same namespace, a non-empty
 * selector that matches its labels, the pod not already in {@code status.disruptedPods}).
 * {@link #NONE} is a cluster without budgets.
 */
public interface DisruptionBudgets {
    DisruptionBudgets NONE = new DisruptionBudgets() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public int disruptionsAllowed(int budget) {
            throw new IndexOutOfBoundsException(budget);
        }

        @Override
        public boolean counts(int budget, int pod, CompiledPod template) {
            throw new IndexOutOfBoundsException(budget);
        }
    };

    int count();

    int disruptionsAllowed(int budget);

    /** True when evicting the pod uses one of the budget's disruptions. */
    boolean counts(int budget, int pod, CompiledPod template);
}
