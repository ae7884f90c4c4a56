package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.nodesim.kernel.SimTime;
import io.nodesim.kubelet.RuntimeHealth;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, at load, a hung container runtime that lasts long enough to fail an exec readiness probe:
 * what the kubelet then does with the failure is not modelled.
 *
 * <p>A hung runtime ({@code RuntimeDown} with {@code cause: PLEGUnhealthy}) takes connections and
 * answers nothing. An exec probe is a CRI {@code ExecSync} whose deadline is the kubelet's
 * {@code runtime-request-timeout} (2 min) plus the probe's {@code timeoutSeconds}
 * (cri-client {@code remote_runtime.go}); from 1.20 the DeadlineExceeded it ends with is a probe
 * Failure (pkg/probe/exec, ExecProbeTimeout, KEP 1972), before an error whose result the worker
 * throws away. The worker probes again at once (its ticker kept a tick), so the
 * {@code failureThreshold}-th failure comes {@code failureThreshold × (2 min + timeoutSeconds)}
 * after the first probe of the hang at the earliest. A shorter hang ends before it, with every
 * pod Ready, as nodesim keeps them. A longer one hands the kubelet's sync loop a readiness change:
 * at once while it still runs (only a threshold of 1 can be that early, before "PLEG is not
 * healthy" stops it 3 min in), or when it runs again after the runtime answers, followed by the
 * probe that succeeds then (pkg/kubelet/kubelet.go {@code syncLoop} skips
 * {@code syncLoopIteration}, which reads the readiness results, while {@code runtimeErrors} is
 * non-empty). How long such a pod is NotReady depends on how the runtime comes back, so it is
 * refused rather than guessed.
 *
 * <p>A runtime that refuses connections ({@code cause: ContainerRuntimeDown}) fails ExecSync at once
 * with an error, which the worker throws away; HTTP, TCP and gRPC probes reach the pod without the
 * runtime. Those keep the pods Ready, as modelled.
 */
public final class HungRuntimeProbes {
    /** The kubelet's {@code runtime-request-timeout} default; nodesim takes no such setting. */
    static final long RUNTIME_REQUEST_TIMEOUT = 2 * SimTime.MINUTE;

    private HungRuntimeProbes() {
    }

    public static void refuseUnmodelled(YNode faultsNode, List<FaultSpec> faults, List<WorkloadSpec> workloads,
            VersionProfiles.Row row) {
        if (!row.has(VersionProfiles.Rule.EXEC_PROBE_TIMEOUT)) {
            return;
        }
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            if (!"RuntimeDown".equals(f.type())
                    || !RuntimeHealth.Cause.PLEG_UNHEALTHY.scenarioName().equals(f.text("cause"))) {
                continue;
            }
            for (WorkloadSpec w : workloads) {
                for (Container c : containers(w)) {
                    Probe p = c.getReadinessProbe();
                    if (p == null || p.getExec() == null) {
                        continue;
                    }
                    int threshold = p.getFailureThreshold() == null ? 3 : p.getFailureThreshold();
                    int timeoutSeconds = p.getTimeoutSeconds() == null ? 1 : p.getTimeoutSeconds();
                    long timeout = SimTime.seconds(timeoutSeconds);
                    long firstFailure = threshold * (RUNTIME_REQUEST_TIMEOUT + timeout);
                    if (f.permanent() || f.duration() >= firstFailure) {
                        YMap fault = Values.map(Values.list(faultsNode, "faults").items().get(i), "faults[" + i + "]");
                        YNode at = fault.get("cause");
                        String path = "faults[" + i + "].cause";
                        throw at.loc().error(path, "not modelled: a runtime hung "
                                + (f.permanent() ? "for good" : "for " + Durations.format(f.duration()))
                                + " fails the exec readiness probe of " + w.kind() + " \"" + w.name()
                                + "\" (container \"" + c.getName() + "\", failureThreshold " + threshold
                                + ", timeoutSeconds " + timeoutSeconds + ") "
                                + threshold + " times in a row after " + Durations.format(firstFailure)
                                + " (each ExecSync waits runtime-request-timeout 2m + timeoutSeconds), and what "
                                + "the kubelet does with that failure is not modelled; allowed: a hang shorter than "
                                + Durations.format(firstFailure) + ", an httpGet, tcpSocket or grpc readiness probe, "
                                + "cause ContainerRuntimeDown (the runtime refuses connections), or kubernetesVersion "
                                + "below 1.20 (a timed-out exec probe was an error, thrown away)");
                    }
                }
            }
        }
    }

    /** The containers whose readiness makes the pod's: the app containers and the sidecars (restartPolicy Always). */
    private static List<Container> containers(WorkloadSpec w) {
        var spec = w.template().getSpec();
        List<Container> all = new ArrayList<>();
        if (spec == null) {
            return all;
        }
        if (spec.getInitContainers() != null) {
            spec.getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy())).forEach(all::add);
        }
        if (spec.getContainers() != null) {
            all.addAll(spec.getContainers());
        }
        return all;
    }
}
