package io.nodesim.cli;

import io.nodesim.reports.why.PodWhy;
import io.nodesim.reports.why.RunFacts;
import io.nodesim.reports.why.RunFolder;
import io.nodesim.reports.why.WhyStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nodesim why RUN_DIR POD}: the causal chain of one pod, from the run's events.csv. All logic is in {@link PodWhy}. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Why a pod was (or was not) NotReady, evicted, replaced and Ready when it was: its causal "
            + "chain from the run's events.csv (run with --events), rule by rule, and the reason for each step "
            + "that did not happen.")
final class WhyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The folder `nodesim run --events` wrote.")
    Path runDir;

    @Parameters(index = "1", paramLabel = "POD", description = "The pod's name, as in pods.csv or events.csv.")
    String pod;

    @Option(names = "--replication", paramLabel = "K", description = "The replication (default: 0).")
    int replication;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunFacts facts;
        try {
            facts = RunFolder.read(runDir, replication);
        } catch (IllegalArgumentException e) {
            err.println("nodesim why: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        if (!PodWhy.known(facts, pod)) {
            err.println("nodesim why: no pod " + pod + " in replication " + replication + " of " + runDir
                    + " (pods.csv lists the disrupted pods)");
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        out.println(PodWhy.header(facts, pod));
        for (WhyStep s : PodWhy.explain(facts, pod)) {
            out.println(s.line());
        }
        out.flush();
        return NodesimCommand.EXIT_OK;
    }
}
