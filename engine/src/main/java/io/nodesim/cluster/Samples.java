package io.nodesim.cluster;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of each recovery metric of one run, in seconds, each measured from the fault that
 * caused it ({@link NodeObjects#causeAt}); controllers add one when the transition happens, so a
 * node that fails twice contributes twice.
 */
public final class Samples {
    public static final String TIME_TO_UNKNOWN = "time_to_unknown";
    public static final String TIME_TO_NOEXECUTE_TAINT = "time_to_noexecute_taint";
    public static final String TIME_TO_POD_NOT_READY = "time_to_pod_not_ready";
    public static final String TIME_TO_POD_DELETION = "time_to_pod_deletion";
    /**
     * Deletions of pods whose containers had stopped (crash, zone outage): the recovery part of
     * {@link #TIME_TO_POD_DELETION}, without the false evictions. A false eviction's time is measured
     * from the start of the fault that caused it, which for a long heartbeat-delay window says when
     * the unlucky heartbeat came, not how fast a failure is handled; a sweep that trades recovery time
     * against false evictions needs the two apart.
     */
    public static final String TIME_TO_DEAD_POD_DELETION = "time_to_dead_pod_deletion";
    public static final String TIME_TO_REPLACEMENT_READY = "time_to_replacement_ready";
    public static final String WORKLOAD_UNAVAILABLE_SECONDS = "workload_unavailable_seconds";
    public static final String FALSE_EVICTIONS = "false_evictions";
    /** The recovery phases of a replaced pod, in order, each ending where the next begins. */
    public static final String PHASE_DETECTION = "phase_detection";
    public static final String PHASE_TAINT_WAIT = "phase_taint_wait";
    public static final String PHASE_TOLERATION_WAIT = "phase_toleration_wait";
    public static final String PHASE_RESCHEDULE = "phase_reschedule";
    public static final String PHASE_STARTUP = "phase_startup";
    public static final String[] PHASES = {PHASE_DETECTION, PHASE_TAINT_WAIT, PHASE_TOLERATION_WAIT,
        PHASE_RESCHEDULE, PHASE_STARTUP};

    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    public Samples() {
        for (String m : new String[] {TIME_TO_UNKNOWN, TIME_TO_NOEXECUTE_TAINT, TIME_TO_POD_NOT_READY,
                TIME_TO_POD_DELETION, TIME_TO_DEAD_POD_DELETION, TIME_TO_REPLACEMENT_READY,
                WORKLOAD_UNAVAILABLE_SECONDS, PHASE_DETECTION, PHASE_TAINT_WAIT, PHASE_TOLERATION_WAIT,
                PHASE_RESCHEDULE, PHASE_STARTUP}) {
            values.put(m, new double[16]);
            sizes.put(m, 0);
        }
    }

    /** Adds a duration in microseconds as seconds. */
    public void add(String metric, long micros) {
        double[] a = values.get(metric);
        int n = sizes.get(metric);
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            values.put(metric, a);
        }
        a[n] = micros / 1_000_000.0;
        sizes.put(metric, n + 1);
    }

    /** Adds (now − cause) in seconds; nothing when no fault caused it. */
    public void addSince(String metric, long cause, long now) {
        if (cause == io.nodesim.kernel.SimTime.NEVER || cause > now) {
            return;
        }
        add(metric, now - cause);
    }

    /** The samples, with {@code false_evictions} (one sample: the count) before the phases. */
    public Map<String, double[]> toMap(int falseEvictions) {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.equals(PHASE_DETECTION)) {
                out.put(FALSE_EVICTIONS, new double[] {falseEvictions});
            }
            out.put(k, Arrays.copyOf(v, sizes.get(k)));
        });
        return out;
    }
}
