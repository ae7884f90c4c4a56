package io.nodesim.cli;

import io.nodesim.scenario.EffectiveSettings;
import io.nodesim.scenario.LintWarning;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLint;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nodesim explain SCENARIO.yaml}: every effective setting, its value and where it came from. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print the effective configuration: every setting with its value and its origin "
                + "(the version profile, a line of the file, a --set, or a nodesim default).")
public final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments scenario;

    @Spec
    CommandSpec spec;

    @Option(names = "--docs", description = "Under each kubelet, controller-manager, API-server and latency setting, "
            + "say what it does.")
    boolean docs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = scenario.load(spec.commandLine().getErr());
        if (s == null) {
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        out.println("# " + s.name() + " (" + s.sourceFile() + "): Kubernetes " + s.kubernetesVersion()
                + ", profile " + s.profile().name());
        List<EffectiveSettings.Setting> rows = EffectiveSettings.of(s);
        int pw = "SETTING".length();
        int vw = "VALUE".length();
        for (EffectiveSettings.Setting r : rows) {
            pw = Math.max(pw, r.path().length());
            vw = Math.max(vw, Math.min(r.value().length(), 60));
        }
        String fmt = "%-" + pw + "s  %-" + vw + "s  %s%n";
        out.printf(fmt, "SETTING", "VALUE", "ORIGIN");
        for (EffectiveSettings.Setting r : rows) {
            out.printf(fmt, r.path(), r.value(), r.origin());
            if (docs && !r.doc().isEmpty()) {
                out.printf("%-" + pw + "s  # %s%n", "", r.doc());
            }
        }
        List<LintWarning> warnings = ScenarioLint.check(s);
        if (!warnings.isEmpty()) {
            out.println();
            warnings.forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return NodesimCommand.EXIT_OK;
    }
}
