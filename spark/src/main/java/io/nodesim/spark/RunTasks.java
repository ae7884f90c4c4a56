package io.nodesim.spark;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scheduler.PlacementMemo;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * On an executor: runs a partition's tasks, each exactly as {@code nodesim sweep} runs it (the point's
 * scenario, replication r, no events), and returns their raw samples. A task is a pure function of
 * the scenario's files and (point, replication), so Spark's retries and speculative copies give the
 * same result, and which one the driver keeps does not matter.
 *
 * <p>Per executor JVM the scenario's files are written once to a temporary folder, and the last few
 * points' scenarios are kept: a partition's tasks are consecutive, mostly of one point.
 */
final class RunTasks implements FlatMapFunction<Iterator<TaskRef>, TaskResult> {
    private static final long serialVersionUID = 1L;
    private static final int CACHED_POINTS = 8;
    private static final Map<String, Path> UNPACKED = new ConcurrentHashMap<>();
    private static final Map<String, Scenario> POINTS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > CACHED_POINTS;
        }
    };

    private final Broadcast<ScenarioPayload> payload;

    RunTasks(Broadcast<ScenarioPayload> payload) {
        this.payload = payload;
    }

    @Override
    public Iterator<TaskResult> call(Iterator<TaskRef> tasks) throws IOException {
        ScenarioPayload p = payload.value();
        List<TaskResult> results = new ArrayList<>();
        // the partition's tasks of one replication share their t = 0 placement where the points allow
        PlacementMemo placements = new PlacementMemo();
        while (tasks.hasNext()) {
            TaskRef t = tasks.next();
            Scenario scenario = scenario(p, t.overrides());
            results.add(TaskResult.of(t.task(), t.point(), t.replication(),
                    ClusterSimulation.run(scenario, t.replication(), placements).metrics()));
        }
        return results.iterator();
    }

    private static Scenario scenario(ScenarioPayload p, List<String> overrides) throws IOException {
        String key = p.sha256() + "\n" + String.join("\n", overrides);
        synchronized (POINTS) {
            Scenario cached = POINTS.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<String> all = new ArrayList<>(p.sets());
        all.addAll(overrides);
        Scenario s = ScenarioLoader.load(unpacked(p), p.display(), all);
        synchronized (POINTS) {
            POINTS.put(key, s);
        }
        return s;
    }

    private static Path unpacked(ScenarioPayload p) throws IOException {
        Path dir = UNPACKED.get(p.sha256());
        if (dir == null) {
            synchronized (UNPACKED) {
                dir = UNPACKED.get(p.sha256());
                if (dir == null) {
                    Path tmp = Files.createTempDirectory("nodesim-scenario-");
                    tmp.toFile().deleteOnExit();
                    dir = tmp;
                    p.content().writeTo(dir);
                    UNPACKED.put(p.sha256(), dir);
                }
            }
        }
        return dir.resolve(p.scenarioKey());
    }
}
