package io.nodesim.cli;

import io.nodesim.importer.ImportException;
import io.nodesim.importer.Importer;
import io.nodesim.importer.anonymize.HmacNames;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.LintWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nodesim import DUMP... -o DIR}: a real cluster's kubectl dump turned into a scenario (DESIGN §3.1). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn what `kubectl get nodes,pods,deployments,replicasets,statefulsets,daemonsets,"
                + "poddisruptionbudgets,priorityclasses -A -o json` (or -o yaml) prints into a scenario:",
            "DIR/scenario.yaml, DIR/workloads.yaml, DIR/initial-placement.csv, DIR/import-report.md.",
            "Exit 0 on success, 2 on bad input (nothing is written then)."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DUMP", description = "kubectl -o json|yaml output files, read in order")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--kubelet-configz", paramLabel = "FILE",
            description = "kubectl get --raw /api/v1/nodes/NODE/proxy/configz")
    Path kubeletConfigz;

    @Option(names = "--control-plane", paramLabel = "FILE",
            description = "kubectl -n kube-system get pod -l tier=control-plane -o json (repeatable)")
    List<Path> controlPlane = new ArrayList<>();

    @Option(names = "--kubeadm-config", paramLabel = "FILE", description = "the kubeadm-config ConfigMap")
    Path kubeadmConfig;

    @Option(names = "--namespace", paramLabel = "NS", description = "import only these namespaces (repeatable)")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--exclude-namespace", paramLabel = "NS", description = "leave these namespaces out (repeatable)")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--anonymize", description = "replace names by keyed hashes (needs --salt-file)")
    boolean anonymize;

    @Option(names = "--salt-file", paramLabel = "FILE", description = "the HMAC key for --anonymize")
    Path saltFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (anonymize != (saltFile != null)) {
            err.println("nodesim import: --anonymize and --salt-file go together (the salt file keys the hashes)");
            err.flush();
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        try {
            Names names = anonymize ? HmacNames.fromSaltFile(saltFile) : Names.identity();
            Importer.Result r = Importer.run(new Importer.Options(dumps, new HashSet<>(namespaces),
                    new HashSet<>(excluded), output, Optional.ofNullable(kubeletConfigz), controlPlane,
                    Optional.ofNullable(kubeadmConfig)), names);
            PrintWriter out = spec.commandLine().getOut();
            for (LintWarning w : r.lint()) {
                out.println("warning: " + w);
            }
            out.println(output + ": imported " + r.model().nodes().size() + " nodes, " + r.model().workloads().size()
                    + " workloads, " + r.model().placedPods() + " pods placed, " + r.model().skipped().size()
                    + " objects skipped, " + r.settings().sections().values().stream().mapToInt(java.util.Map::size).sum()
                    + " settings (see " + output.resolve("import-report.md") + ")");
            out.flush();
            return NodesimCommand.EXIT_OK;
        } catch (ImportException | ScenarioException e) {
            err.println("nodesim import: " + e.getMessage());
            err.flush();
            return NodesimCommand.EXIT_BAD_INPUT;
        }
    }
}
