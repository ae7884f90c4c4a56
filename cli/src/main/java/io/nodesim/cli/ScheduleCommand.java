package io.nodesim.cli;

import io.nodesim.reports.schedule.ScheduleCsv;
import io.nodesim.reports.schedule.ScoreTable;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scheduler.explain.ScheduleRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nodesim schedule SCENARIO.yaml [-o DIR]}: place the scenario's pods at t = 0 and explain every score. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Place the scenario's pods at t=0 as kube-scheduler would, and explain every score.",
                "Writes placements.csv and scores.csv; prints per-node score tables for clusters of up to "
                        + ScoreTable.MAX_TABLE_NODES + " nodes. Exit 0 on success, 2 on bad input."})
public final class ScheduleCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out/<metadata.name>/).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = scenario.load(err);
        if (s == null) {
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        ScheduleRun run;
        try {
            run = ScheduleRun.run(s);
        } catch (ScenarioException e) {
            err.println("nodesim: " + e.getMessage());
            err.flush();
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        Path dir = output != null ? output : Path.of("out", s.name());
        try {
            ScheduleCsv.write(dir, run.placements());
        } catch (IOException e) {
            err.println("nodesim: cannot write to " + dir + ": " + e.getMessage());
            err.flush();
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        ScoreTable.print(out, run.placements(), run.nodes().size());
        out.println("wrote " + dir.resolve(ScheduleCsv.PLACEMENTS) + " and " + dir.resolve(ScheduleCsv.SCORES));
        out.flush();
        return NodesimCommand.EXIT_OK;
    }
}
