package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import java.util.Objects;

/**
 * One entry of {@code spec.faults}, validated but not yet bound to nodes (targets that draw nodes
 * at random draw them per replication).
 *
 * @param type the fault type; the faults package maps it to its class
 * @param at when the fault starts (microseconds)
 * @param duration how long it lasts, or {@link SimTime#NEVER} for a permanent fault
 * @param delay HeartbeatDelay: the time each lease renewal / status write of the targets takes
 * @param mtbf RandomNodeFailures: time between failures of one node
 * @param mttr RandomNodeFailures: time to repair; null means failures are permanent
 * @param failure RandomNodeFailures: which fault each failure is (NodeCrash by default)
 * @param line the line of the entry in the scenario file, for run-time messages (0 when unknown)
 */
public record FaultSpec(
        FaultType type,
        long at,
        long duration,
        FaultTarget target,
        DurationDistribution delay,
        DurationDistribution mtbf,
        DurationDistribution mttr,
        FaultType failure,
        int line) {
    public FaultSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        if (at < 0) {
            throw new IllegalArgumentException("fault time must be >= 0");
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("fault duration must be > 0");
        }
    }

    public boolean permanent() {
        return duration == SimTime.NEVER;
    }
}
