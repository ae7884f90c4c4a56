package io.nodesim.cli;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its {@code --set} overrides, shared by the commands that read a scenario. */
final class ScenarioArguments {
    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field; PATH is relative to spec (e.g. kubeControllerManager.node-monitor-grace-period=20s, "
                    + "workloads[0].spec.replicas=50). Repeatable.")
    List<String> sets = new ArrayList<>();

    /** The scenario, or null after printing the one-line reason to {@code err}. */
    Scenario load(PrintWriter err) {
        try {
            return ScenarioLoader.load(file, sets);
        } catch (ScenarioException e) {
            err.println("nodesim: " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
