package io.nodesim.cluster;

import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.RecordedMetric;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of each recorded metric ({@link MetricRegistry#RECORDED}) of one run, in seconds, each
 * measured from the fault that caused it ({@link NodeObjects#causeAt}); controllers add one when the
 * transition happens, so a node that fails twice contributes twice.
 */
public final class Samples {
    public static final String TIME_TO_UNKNOWN = MetricRegistry.TIME_TO_UNKNOWN.name();
    public static final String TIME_TO_NOEXECUTE_TAINT = MetricRegistry.TIME_TO_NOEXECUTE_TAINT.name();
    public static final String TIME_TO_POD_NOT_READY = MetricRegistry.TIME_TO_POD_NOT_READY.name();
    public static final String TIME_TO_POD_DELETION = MetricRegistry.TIME_TO_POD_DELETION.name();
    public static final String TIME_TO_DEAD_POD_DELETION = MetricRegistry.TIME_TO_DEAD_POD_DELETION.name();
    public static final String TIME_TO_REPLACEMENT_READY = MetricRegistry.TIME_TO_REPLACEMENT_READY.name();

    /** One metric's samples; one lookup and no boxed count per sample (a run adds hundreds of thousands). */
    private static final class Recorded {
        private double[] seconds = new double[16];
        private int size;

        void add(double value) {
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, size * 2);
            }
            seconds[size++] = value;
        }
    }

    private final Map<String, Recorded> values = new LinkedHashMap<>();

    public Samples() {
        for (RecordedMetric m : MetricRegistry.RECORDED) {
            values.put(m.name(), new Recorded());
        }
    }

    /** Adds a duration in microseconds as seconds. */
    public void add(String metric, long micros) {
        values.get(metric).add(micros / 1_000_000.0);
    }

    /** Adds (now − cause) in seconds; nothing when no fault caused it. */
    public void addSince(String metric, long cause, long now) {
        if (cause == io.nodesim.kernel.SimTime.NEVER || cause > now) {
            return;
        }
        add(metric, now - cause);
    }

    /** The samples recorded so far, by metric name. */
    public Map<String, double[]> toMap() {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Arrays.copyOf(v.seconds, v.size)));
        return out;
    }
}
