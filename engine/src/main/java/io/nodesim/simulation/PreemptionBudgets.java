package io.nodesim.simulation;

import io.nodesim.disruption.DisruptionBudgets;
import io.nodesim.scheduler.CompiledPod;

/**
 * The run's PodDisruptionBudgets as DefaultPreemption reads them through the scheduler's PDB
 * lister: a budget counts a victim when it selects the victim's workload; the status is the
 * instant one ({@link DisruptionBudgets}), so {@code DisruptedPods} is always empty.
 */
final class PreemptionBudgets implements io.nodesim.scheduler.preemption.DisruptionBudgets {
    private final DisruptionBudgets budgets;

    PreemptionBudgets(DisruptionBudgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public int count() {
        return budgets.count();
    }

    @Override
    public int disruptionsAllowed(int budget) {
        return budgets.disruptionsAllowed(budget);
    }

    @Override
    public boolean counts(int budget, int pod, CompiledPod template) {
        for (int i = 0; i < budgets.budgetCount(pod); i++) {
            if (budgets.budgetOf(pod, i) == budget) {
                return true;
            }
        }
        return false;
    }
}
