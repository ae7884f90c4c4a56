package io.nodesim.reports.sweep;

import io.nodesim.experiment.Shard;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.TaskSamples;
import java.util.List;
import java.util.Objects;

/**
 * One shard's part of a sweep, as {@link SweepPartFile} writes and reads it.
 *
 * @param scenarioDisplay the scenario file as the shard's command named it (sweep.html shows it)
 * @param scenarioKey the scenario file's place among its files ({@link io.nodesim.scenario.ScenarioContent#scenario})
 * @param totalTasks the number of tasks of the whole sweep
 * @param samples the shard's tasks, in task order
 */
public record SweepPart(String scenarioDisplay, String scenarioKey, SweepIdentity identity, Shard shard,
        int totalTasks, List<TaskSamples> samples) {
    public SweepPart {
        Objects.requireNonNull(scenarioDisplay, "scenarioDisplay");
        Objects.requireNonNull(scenarioKey, "scenarioKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(shard, "shard");
        samples = List.copyOf(samples);
    }

    /** The part's file name: {@code part-I-of-N.csv}. */
    public static String fileName(Shard shard) {
        return "part-" + shard.index() + "-of-" + shard.count() + ".csv";
    }
}
