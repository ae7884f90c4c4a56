package io.nodesim.cli;

import io.nodesim.scenario.LintWarning;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLint;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nodesim validate SCENARIO.yaml}: parse, check, and lint settings that fight each other. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Parse and check a scenario file and warn about settings that fight each other.",
                "Exit 0 when the file is valid (warnings included), 2 on bad input."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = scenario.load(spec.commandLine().getErr());
        if (s == null) {
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        List<LintWarning> warnings = ScenarioLint.check(s);
        for (LintWarning w : warnings) {
            out.println("warning: " + w);
        }
        out.println(s.sourceFile() + ": valid (" + s.name() + ", Kubernetes " + s.kubernetesVersion() + ", profile "
                + s.profile().name() + ", " + count(s.nodeCount(), "node") + ", " + count(s.workloads().size(), "workload")
                + ", " + count(s.faults().size(), "fault")
                + (warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning")) + ")");
        out.flush();
        return NodesimCommand.EXIT_OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
