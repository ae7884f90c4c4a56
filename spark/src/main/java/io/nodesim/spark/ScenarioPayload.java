package io.nodesim.spark;

import io.nodesim.scenario.ScenarioContent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every executor needs to load the swept scenario: its files (an executor on another machine
 * has no access to the driver's disk), broadcast once per executor rather than shipped with every task.
 *
 * @param sha256 the files' content hash: the executors' cache key
 * @param scenarioKey the scenario file among the files
 * @param display the scenario file as the driver named it
 * @param sets the {@code --set} overrides of every point
 */
record ScenarioPayload(String sha256, String scenarioKey, String display, HashMap<String, byte[]> files,
        ArrayList<String> sets) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ScenarioPayload of(ScenarioContent content, String display, List<String> sets) {
        return new ScenarioPayload(content.sha256(), content.scenario(), display, new HashMap<>(content.files()),
                new ArrayList<>(sets));
    }

    ScenarioContent content() {
        return new ScenarioContent(scenarioKey, Map.copyOf(files));
    }
}
