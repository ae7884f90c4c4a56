package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import java.util.Objects;

/**
 * Per-hop latencies (spec: λ, ε and the API writes).
 *
 * @param watch informer delivery of an object change to a controller (λ)
 * @param monitorPass duration of one node-monitor pass (ε); must be able to be non-zero
 * @param leaseRenewal kubelet → API server lease write
 * @param statusUpdate kubelet → API server NodeStatus write
 * @param controller a controller's reaction to an observed change (e.g. ReplicaSet creating a pod)
 * @param schedulingCycle one kube-scheduler cycle for one pod
 * @param binding the asynchronous bind of a scheduled pod
 */
public record Latencies(
        DurationDistribution watch,
        DurationDistribution monitorPass,
        DurationDistribution leaseRenewal,
        DurationDistribution statusUpdate,
        DurationDistribution controller,
        DurationDistribution schedulingCycle,
        DurationDistribution binding) {
    public Latencies {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(monitorPass, "monitorPass");
        Objects.requireNonNull(leaseRenewal, "leaseRenewal");
        Objects.requireNonNull(statusUpdate, "statusUpdate");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(schedulingCycle, "schedulingCycle");
        Objects.requireNonNull(binding, "binding");
    }
}
