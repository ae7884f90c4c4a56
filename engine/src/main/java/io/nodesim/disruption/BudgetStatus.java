package io.nodesim.disruption;

/**
 * A budget's {@code status} as {@code pkg/controller/disruption/disruption.go} writes it
 * ({@code updatePdbStatus}).
 *
 * @param syncFailed the controller could not compute the expected pods (a selected pod whose
 *     controller has no scale, such as a DaemonSet's, with maxUnavailable or a percentage): it
 *     writes disruptionsAllowed 0 ({@code failSafe}, condition DisruptionAllowed=False, SyncFailed)
 */
public record BudgetStatus(int expectedPods, int currentHealthy, int desiredHealthy, int disruptionsAllowed,
        boolean syncFailed) {
}
