package io.nodesim.cluster;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of each recovery metric of one run, in seconds, each measured from the fault that
 * caused it ({@link NodeTable#causeAt}); controllers add one when the transition happens, so a
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
    public static final String FALSE_EVICTIONS = "false_evictions";

    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    public Samples() {
        for (String m : new String[] {TIME_TO_UNKNOWN, TIME_TO_NOEXECUTE_TAINT, TIME_TO_POD_NOT_READY,
                TIME_TO_POD_DELETION, TIME_TO_DEAD_POD_DELETION}) {
            values.put(m, new double[16]);
            sizes.put(m, 0);
        }
    }

    /** Adds (now − cause) in seconds; nothing when no fault caused it. */
    public void addSince(String metric, long cause, long now) {
        if (cause == io.nodesim.kernel.SimTime.NEVER || cause > now) {
            return;
        }
        double[] a = values.get(metric);
        int n = sizes.get(metric);
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            values.put(metric, a);
        }
        a[n] = (now - cause) / 1_000_000.0;
        sizes.put(metric, n + 1);
    }

    /** The samples, with {@code false_evictions} (one sample: the count) appended. */
    public Map<String, double[]> toMap(int falseEvictions) {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Arrays.copyOf(v, sizes.get(k))));
        out.put(FALSE_EVICTIONS, new double[] {falseEvictions});
        return out;
    }
}
