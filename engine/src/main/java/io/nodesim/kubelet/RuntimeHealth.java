package io.nodesim.kubelet;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kubelet's view of its container runtime ({@code pkg/kubelet/runtime.go} {@code runtimeState},
 * {@code pkg/kubelet/pleg/generic.go} {@code Healthy}): when the runtime stops answering, the
 * kubelet's Ready condition turns False (reason {@code KubeletNotReady}) once the last successful
 * check is older than the threshold, and True again after the first successful check once it answers.
 * <ul>
 *   <li>{@link Cause#CONTAINER_RUNTIME_DOWN}: {@code updateRuntimeUp} runs every 5 s and only a
 *       successful CRI {@code Status} call moves {@code lastBaseRuntimeSync}; {@code runtimeErrors}
 *       reports "container runtime is down" once it is older than {@code maxWaitForContainerRuntime}
 *       (30 s).</li>
 *   <li>{@link Cause#PLEG_UNHEALTHY}: the PLEG relists every second; {@code Healthy} fails once the
 *       last relist is older than {@code relistThreshold} (3 min): "PLEG is not healthy".</li>
 * </ul>
 * The containers are not touched: the runtime's shims keep them running and the kubelet can
 * neither start nor kill one (its sync loop skips pod synchronisation while {@code runtimeErrors}
 * is non-empty).
 */
public final class RuntimeHealth {
    /** What stopped answering, with the kubelet's check period and threshold for it. */
    public enum Cause {
        CONTAINER_RUNTIME_DOWN("ContainerRuntimeDown", 5 * SimTime.SECOND, 30 * SimTime.SECOND,
                "container runtime is down"),
        PLEG_UNHEALTHY("PLEGUnhealthy", SimTime.SECOND, 3 * SimTime.MINUTE, "PLEG is not healthy");

        private final String scenarioName;
        final long checkPeriod;
        final long threshold;
        final String message;

        Cause(String scenarioName, long checkPeriod, long threshold, String message) {
            this.scenarioName = scenarioName;
            this.checkPeriod = checkPeriod;
            this.threshold = threshold;
            this.message = message;
        }

        public String scenarioName() {
            return scenarioName;
        }

        public static Cause named(String name) {
            for (Cause c : values()) {
                if (c.scenarioName.equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no runtime fault cause " + name);
        }
    }

    private final long[] errorFrom;
    private final long[] errorTo;
    private final Cause[] cause;
    private final boolean[] down;

    RuntimeHealth(int nodes) {
        errorFrom = new long[nodes];
        errorTo = new long[nodes];
        Arrays.fill(errorFrom, SimTime.NEVER);
        Arrays.fill(errorTo, SimTime.NEVER);
        cause = new Cause[nodes];
        down = new boolean[nodes];
    }

    public boolean down(int node) {
        return down[node];
    }

    /**
     * The runtime stops answering at {@code now}; returns when the kubelet's check starts failing:
     * the last success was at a uniform phase of the check period before {@code now}.
     */
    long stop(int node, long now, Cause c, RandomGenerator rng) {
        cause[node] = c;
        down[node] = true;
        errorFrom[node] = Math.max(now, now - (long) (rng.nextDouble() * c.checkPeriod) + c.threshold);
        errorTo[node] = SimTime.NEVER;
        return errorFrom[node];
    }

    /** The runtime answers again at {@code now}; returns when the kubelet's next check succeeds. */
    long start(int node, long now, RandomGenerator rng) {
        Cause c = cause[node];
        down[node] = false;
        long healthy = now + (long) (rng.nextDouble() * c.checkPeriod);
        if (errorFrom[node] >= healthy) {
            errorFrom[node] = SimTime.NEVER;
        }
        errorTo[node] = healthy;
        return healthy;
    }

    /** True when the kubelet's Ready condition computed at {@code t} is False for the runtime. */
    public boolean reportsError(int node, long t) {
        return t >= errorFrom[node] && t < errorTo[node];
    }

    /** The message of the kubelet's Ready=False condition. */
    String message(int node) {
        return cause[node].message;
    }
}
