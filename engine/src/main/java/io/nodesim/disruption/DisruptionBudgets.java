package io.nodesim.disruption;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.scenario.DisruptionBudgetSpec;
import io.nodesim.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario's PodDisruptionBudgets and their status as the disruption controller computes it
 * ({@code pkg/controller/disruption/disruption.go}: {@code getExpectedPodCount},
 * {@code getExpectedScale}, {@code countHealthyPods}, {@code updatePdbStatus}):
 * <ul>
 * <li>a budget selects the pods of its namespace whose labels match its selector; a workload's
 *     pods share their template's labels, so the match is computed once per workload;</li>
 * <li>maxUnavailable, and minAvailable as a percentage, count against the summed scale of the
 *     controllers of the selected pods (a Deployment's, ReplicaSet's or StatefulSet's replicas);
 *     a bare pod has no controller and adds nothing (the controller's "UnmanagedPods" warning);
 *     a DaemonSet has no scale: the sync fails and disruptionsAllowed is 0 ({@code failSafe});</li>
 * <li>percentages round up ({@code intstr.GetScaledValueFromIntOrPercent(v, expected, true)});
 *     minAvailable as an integer counts against the number of selected pods;</li>
 * <li>currentHealthy counts the selected pods that are Ready and have no deletion timestamp;
 *     disruptionsAllowed = currentHealthy - desiredHealthy, at least 0, and 0 when expectedPods is 0.</li>
 * </ul>
 * The status is computed at the instant it is read. Upstream the controller writes it one watch
 * delay and one sync after a pod changes, and the eviction handler closes that race itself (it
 * decrements disruptionsAllowed and lists the pod in DisruptedPods in the same request that
 * deletes it), so the instant status differs from upstream's only by that lag, well under
 * kubectl drain's 5 s retry.
 */
public final class DisruptionBudgets implements PodWatcher {
    private static final int[] NONE = new int[0];

    private final ClusterState cluster;
    private final List<DisruptionBudgetSpec> budgets;
    /** Per workload, the budgets that select its pods. */
    private final int[][] budgetsOfWorkload;
    /** Per budget, the workloads whose pods it selects. */
    private final int[][] workloadsOfBudget;
    /** Per workload, its pods whose API object exists (Pending, running or Terminating). */
    private final int[] existing;

    public DisruptionBudgets(ClusterState cluster, List<DisruptionBudgetSpec> budgets, List<WorkloadSpec> workloads) {
        this.cluster = cluster;
        this.budgets = List.copyOf(budgets);
        List<List<Integer>> ofWorkload = new ArrayList<>();
        workloads.forEach(w -> ofWorkload.add(new ArrayList<>()));
        workloadsOfBudget = new int[budgets.size()][];
        for (int b = 0; b < budgets.size(); b++) {
            DisruptionBudgetSpec spec = budgets.get(b);
            List<Integer> selected = new ArrayList<>();
            for (int w = 0; w < workloads.size(); w++) {
                if (selects(spec, workloads.get(w))) {
                    selected.add(w);
                    ofWorkload.get(w).add(b);
                }
            }
            workloadsOfBudget[b] = selected.stream().mapToInt(Integer::intValue).toArray();
        }
        budgetsOfWorkload = new int[workloads.size()][];
        for (int w = 0; w < workloads.size(); w++) {
            budgetsOfWorkload[w] = ofWorkload.get(w).isEmpty() ? NONE
                    : ofWorkload.get(w).stream().mapToInt(Integer::intValue).toArray();
        }
        existing = new int[workloads.size()];
        PodTable pods = cluster.pods();
        for (int p = 0; p < pods.count(); p++) {
            if (!pods.isGone(p)) {
                existing[pods.workload(p)]++;
            }
        }
    }

    private static boolean selects(DisruptionBudgetSpec budget, WorkloadSpec w) {
        if (!budget.namespace().equals(w.namespace())) {
            return false;
        }
        Map<String, String> labels = w.template().getMetadata() == null || w.template().getMetadata().getLabels() == null
                ? Map.of() : w.template().getMetadata().getLabels();
        return labels.entrySet().containsAll(budget.selector().entrySet());
    }

    public int count() {
        return budgets.size();
    }

    public DisruptionBudgetSpec spec(int budget) {
        return budgets.get(budget);
    }

    /** How many budgets select the pod (the Eviction API refuses a pod with more than one). */
    public int budgetCount(int pod) {
        return budgetsOfWorkload[cluster.pods().workload(pod)].length;
    }

    /** The {@code i}-th budget that selects the pod, {@code 0 <= i < budgetCount(pod)}. */
    public int budgetOf(int pod, int i) {
        return budgetsOfWorkload[cluster.pods().workload(pod)][i];
    }

    /** The budget's disruptionsAllowed now. */
    public int disruptionsAllowed(int budget) {
        return status(budget).disruptionsAllowed();
    }

    /**
     * How many budgets deleting the pod now would violate: those that select it, count it as
     * healthy (Ready, no deletion timestamp), and allow no disruption. This is the count
     * DefaultPreemption's {@code filterPodsWithPDBViolation} makes for one victim; for several
     * victims, walk {@link #budgetOf} and decrement {@link #disruptionsAllowed} per victim as it does.
     */
    public int violations(int pod) {
        PodTable pods = cluster.pods();
        if (pods.isDeleted(pod) || !pods.ready(pod)) {
            return 0;
        }
        int violated = 0;
        for (int b : budgetsOfWorkload[pods.workload(pod)]) {
            if (disruptionsAllowed(b) == 0) {
                violated++;
            }
        }
        return violated;
    }

    /** The budget's status as the disruption controller would write it now. */
    public BudgetStatus status(int budget) {
        DisruptionBudgetSpec spec = budgets.get(budget);
        int selectedPods = 0;
        int scale = 0;
        int healthy = 0;
        boolean noScale = false;
        for (int w : workloadsOfBudget[budget]) {
            selectedPods += existing[w];
            healthy += cluster.availability().ready(w);
            if (existing[w] == 0) {
                continue;
            }
            switch (cluster.workloads().get(w).kind()) {
                case "Deployment", "ReplicaSet", "StatefulSet" -> scale += cluster.workloads().get(w).desired();
                case "DaemonSet" -> noScale = true;
                default -> {
                }
            }
        }
        int expected;
        int desired;
        boolean scaled = spec.maxUnavailable() != null || spec.minAvailable() != null && spec.minAvailable().percent();
        if (scaled && noScale) {
            return new BudgetStatus(0, 0, 0, 0, true);
        }
        if (spec.maxUnavailable() != null) {
            expected = scale;
            desired = Math.max(0, expected - spec.maxUnavailable().scaled(expected));
        } else if (spec.minAvailable() != null && spec.minAvailable().percent()) {
            expected = scale;
            desired = spec.minAvailable().scaled(expected);
        } else if (spec.minAvailable() != null) {
            expected = selectedPods;
            desired = spec.minAvailable().value();
        } else {
            expected = 0;
            desired = 0;
        }
        int allowed = expected <= 0 ? 0 : Math.max(0, healthy - desired);
        return new BudgetStatus(expected, healthy, desired, allowed, false);
    }

    @Override
    public void podCreated(int pod, long time) {
        existing[cluster.pods().workload(pod)]++;
    }

    @Override
    public void podGone(int pod, long time) {
        existing[cluster.pods().workload(pod)]--;
    }
}
