package io.nodesim.scheduler.preemption;

/**
 * filterPodsWithPDBViolation (default_preemption.go): walking the potential victims in order, each
 * one takes one disruption from every budget that counts it; a pod that drives a budget below zero
 * would violate it. A pod without labels matches no budget.
 */
final class PdbViolations {
    private PdbViolations() {
    }

    /** Per victim (in the given order): true when preempting it would violate a budget. */
    static boolean[] classify(Integer[] victims, AssignedPods pods, DisruptionBudgets budgets) {
        boolean[] out = new boolean[victims.length];
        int n = budgets.count();
        if (n == 0) {
            return out;
        }
        int[] allowed = new int[n];
        for (int b = 0; b < n; b++) {
            allowed[b] = budgets.disruptionsAllowed(b);
        }
        for (int i = 0; i < victims.length; i++) {
            int p = victims[i];
            if (pods.template(p).labels.isEmpty()) {
                continue;
            }
            for (int b = 0; b < n; b++) {
                if (budgets.counts(b, p, pods.template(p)) && --allowed[b] < 0) {
                    out[i] = true;
                }
            }
        }
        return out;
    }
}
