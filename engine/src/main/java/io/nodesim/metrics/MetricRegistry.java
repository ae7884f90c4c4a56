package io.nodesim.metrics;

import static io.nodesim.metrics.MetricUnit.COUNT;
import static io.nodesim.metrics.MetricUnit.FRACTION;
import static io.nodesim.metrics.MetricUnit.SECONDS;

import io.nodesim.kernel.SimTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric of summary.csv, each declared once, in the order of its rows (a public contract:
 * DESIGN §3; never rename or drop one, append new ones). A metric the controllers record is a
 * {@link RecordedMetric} here and its {@code samples.addSince} call where the transition happens; one
 * computed from the run's records is a {@link DerivedMetric} here, or, when its extraction is more
 * than an expression, a class implementing {@link Metric} (as {@link RecoveryPhase}); either way it
 * is registered by one line in {@link #ALL}.
 */
public final class MetricRegistry {
    public static final RecordedMetric TIME_TO_UNKNOWN = new RecordedMetric("time_to_unknown", SECONDS,
            "time to Unknown", "From the fault to the node's Ready condition turning Unknown (no heartbeat for "
                    + "node-monitor-grace-period).");
    public static final RecordedMetric TIME_TO_NOEXECUTE_TAINT = new RecordedMetric("time_to_noexecute_taint",
            SECONDS, "time to NoExecute taint", "From the fault to the node's unreachable or not-ready NoExecute "
                    + "taint (delayed by the zone's eviction rate limiter).");
    public static final RecordedMetric TIME_TO_POD_NOT_READY = new RecordedMetric("time_to_pod_not_ready", SECONDS,
            "time to pod not ready", "From the fault to a pod of the node being marked not ready by the node "
                    + "lifecycle controller.");
    public static final RecordedMetric TIME_TO_POD_DELETION = new RecordedMetric("time_to_pod_deletion", SECONDS,
            "time to pod deletion", "From the fault to the deletion of a pod of the node (taint eviction, the "
                    + "legacy pod-eviction-timeout, pod GC), false evictions included.");
    /**
     * The recovery part of {@link #TIME_TO_POD_DELETION}, without the false evictions: a false
     * eviction's time is measured from the start of the fault that caused it, which for a long
     * heartbeat-delay window says when the unlucky heartbeat came, not how fast a failure is handled;
     * a sweep that trades recovery time against false evictions needs the two apart.
     */
    public static final RecordedMetric TIME_TO_DEAD_POD_DELETION = new RecordedMetric("time_to_dead_pod_deletion",
            SECONDS, "time to dead pod's deletion", "From the fault to the deletion of a pod whose containers had "
                    + "stopped (crash, zone outage): pod deletions without the false evictions.");
    public static final RecordedMetric TIME_TO_REPLACEMENT_READY = new RecordedMetric("time_to_replacement_ready",
            SECONDS, "time to replacement Ready", "From the fault to the Ready condition of the pod that replaced "
                    + "a deleted one (a wait for capacity, e.g. for cluster-autoscaler's new nodes, included).");
    public static final DerivedMetric WORKLOAD_UNAVAILABLE_SECONDS = new DerivedMetric("workload_unavailable_seconds",
            SECONDS, "workload unavailable", "For every disrupted workload, the total time it had fewer ready pods "
                    + "than desired (unavailable_seconds of workloads.csv).",
            run -> run.workloads().stream().filter(w -> w.firstDisruptionAt() != SimTime.NEVER)
                    .mapToDouble(w -> SimTime.toSeconds(w.unavailableMicros())).toArray());
    public static final DerivedMetric FALSE_EVICTIONS = new DerivedMetric("false_evictions", COUNT,
            "false evictions per run", "Pods deleted while their containers were still running (partition, delayed "
                    + "heartbeats, control-plane stall), one sample per run: the price of short timeouts.",
            run -> new double[] {run.pods().stream().filter(PodRecord::falseEviction).count()});
    public static final RecoveryPhase PHASE_DETECTION = new RecoveryPhase(0, "phase_detection",
            "detection (fault → Unknown)", "Recovery phase of a replaced pod: from the fault to its node turning Unknown.");
    public static final RecoveryPhase PHASE_TAINT_WAIT = new RecoveryPhase(1, "phase_taint_wait",
            "taint wait (Unknown → NoExecute)", "Recovery phase of a replaced pod: from Unknown to the NoExecute taint.");
    public static final RecoveryPhase PHASE_TOLERATION_WAIT = new RecoveryPhase(2, "phase_toleration_wait",
            "toleration wait (NoExecute → deleted)", "Recovery phase of a replaced pod: from the NoExecute taint to "
                    + "the pod's deletion (its tolerationSeconds).");
    public static final RecoveryPhase PHASE_RESCHEDULE = new RecoveryPhase(3, "phase_reschedule",
            "reschedule (deleted → scheduled)", "Recovery phase of a replaced pod: from its deletion to its "
                    + "replacement's binding to a node, without the wait for capacity (phase_capacity_wait).");
    public static final RecoveryPhase PHASE_STARTUP = new RecoveryPhase(5, "phase_startup",
            "start-up (scheduled → Ready)", "Recovery phase of a replaced pod: from the replacement's binding to "
                    + "its Ready condition (image pull, container start, readiness probe).");
    public static final DerivedMetric NOT_READY_EPISODES = new DerivedMetric("not_ready_episodes", COUNT,
            "NotReady episodes per run", "Times a node's Ready condition left True (rows of nodes.csv with "
                    + "unknown_at), one sample per run: flaps of healthy nodes included.",
            run -> new double[] {run.nodes().stream().filter(n -> n.unknownAt() != SimTime.NEVER).count()});
    public static final RecoveryPhase PHASE_CAPACITY_WAIT = new RecoveryPhase(4, "phase_capacity_wait",
            "capacity wait (no node fits → scheduled)", "Recovery phase of a replaced pod: from the scheduler's "
                    + "first Unschedulable verdict on its replacement to the replacement's binding (a freed node, a "
                    + "node cluster-autoscaler added); 0 when a node was free at once.");
    public static final DerivedMetric TIME_PENDING = new DerivedMetric("time_pending", SECONDS, "time Pending",
            "For every replacement that was scheduled, from its creation to its binding to a node (waits for "
                    + "capacity included); replacements still Pending at the end are not counted.",
            run -> run.pods().stream().filter(p -> p.replacementCreatedAt() != SimTime.NEVER
                    && p.replacementScheduledAt() != SimTime.NEVER)
                    .mapToDouble(p -> SimTime.toSeconds(p.replacementScheduledAt() - p.replacementCreatedAt()))
                    .toArray());
    public static final RecordedMetric TIME_NOT_READY = new RecordedMetric("time_not_ready", SECONDS,
            "time NotReady", "For every NotReady episode of a node, from Unknown to Ready again (or to the end "
                    + "of the run).");
    /**
     * One sample per workload per run, disrupted or not: over a long run with RandomNodeFailures the
     * mean is the service's expected availability, and the interval (over replication means) its
     * uncertainty. A workload never disrupted counts as 1, which is what it delivered.
     */
    public static final DerivedMetric WORKLOAD_AVAILABILITY = new DerivedMetric("workload_availability", FRACTION,
            "workload availability", "For every workload, the fraction of the run with all its desired replicas "
                    + "Ready (availability of workloads.csv).",
            run -> run.workloads().stream().mapToDouble(WorkloadRecord::availability).toArray());

    /**
     * What clients feel of a failure: requests sent to a pod whose containers are dead fail until
     * kube-proxy drops its endpoint, which follows the pod's Ready condition (not its deletion).
     */
    public static final RecordedMetric DEAD_ENDPOINT_SECONDS = new RecordedMetric("dead_endpoint_seconds", SECONDS,
            "dead endpoint", "For every pod whose containers died while it was a ready endpoint: from the "
                    + "fault (crash, zone outage) or its termination (graceful shutdown) to kube-proxy's removal of "
                    + "its endpoint (or the end of the run).");

    /** Every metric, in summary.csv order. */
    public static final List<Metric> ALL = List.of(
            TIME_TO_UNKNOWN,
            TIME_TO_NOEXECUTE_TAINT,
            TIME_TO_POD_NOT_READY,
            TIME_TO_POD_DELETION,
            TIME_TO_DEAD_POD_DELETION,
            TIME_TO_REPLACEMENT_READY,
            WORKLOAD_UNAVAILABLE_SECONDS,
            FALSE_EVICTIONS,
            PHASE_DETECTION,
            PHASE_TAINT_WAIT,
            PHASE_TOLERATION_WAIT,
            PHASE_RESCHEDULE,
            PHASE_STARTUP,
            NOT_READY_EPISODES,
            TIME_NOT_READY,
            TIME_PENDING,
            PHASE_CAPACITY_WAIT,
            WORKLOAD_AVAILABILITY,
            DEAD_ENDPOINT_SECONDS);

    /** The recovery phases, in the order they happen (not their summary.csv order). */
    public static final List<RecoveryPhase> PHASES = ALL.stream().filter(RecoveryPhase.class::isInstance)
            .map(RecoveryPhase.class::cast).sorted(java.util.Comparator.comparingInt(RecoveryPhase::step)).toList();

    /** The metrics the controllers record as they happen. */
    public static final List<RecordedMetric> RECORDED = ALL.stream().filter(RecordedMetric.class::isInstance)
            .map(RecordedMetric.class::cast).toList();

    private MetricRegistry() {
    }

    /** The registered metric of that summary.csv name. */
    public static Optional<Metric> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A metric's axis label; the name itself for a metric that is not registered (a test's, an old sweep's). */
    public static String axisLabel(String name) {
        return byName(name).map(Metric::axisLabel).orElse(name);
    }

    /**
     * The samples of every registered metric, in registry order, of a run whose
     * {@link RunResult#metrics()} holds what the controllers recorded.
     */
    public static Map<String, double[]> measure(RunResult recorded) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[][] phases = RecoveryPhase.allSteps(recorded);
        for (Metric m : ALL) {
            out.put(m.name(), m instanceof RecoveryPhase phase ? phases[phase.step()] : m.samples(recorded));
        }
        return out;
    }
}
