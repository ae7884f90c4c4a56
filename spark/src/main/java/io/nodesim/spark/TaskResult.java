package io.nodesim.spark;

import io.nodesim.experiment.TaskSamples;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task's samples on their way from an executor to the driver, in plain serializable arrays.
 *
 * @param metrics the metric names, in the order the run produced them
 * @param samples the samples of {@code metrics[i]} at {@code i}
 */
record TaskResult(int task, int point, int replication, String[] metrics, double[][] samples) implements Serializable {
    private static final long serialVersionUID = 1L;

    static TaskResult of(int task, int point, int replication, Map<String, double[]> metrics) {
        return new TaskResult(task, point, replication, metrics.keySet().toArray(String[]::new),
                metrics.values().toArray(double[][]::new));
    }

    TaskSamples toSamples() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i++) {
            m.put(metrics[i], samples[i]);
        }
        return new TaskSamples(task, point, replication, m);
    }
}
