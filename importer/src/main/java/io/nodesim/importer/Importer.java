package io.nodesim.importer;

import io.nodesim.importer.model.ClusterDump;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.WorkloadRebuilder;
import io.nodesim.importer.read.DumpReader;
import io.nodesim.importer.write.ScenarioFiles;
import io.nodesim.scenario.LintWarning;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code nodesim import} (DESIGN §3.1): streams the dumps, rebuilds the workloads, writes the
 * scenario files. Throws {@link ImportException} on bad input, having written nothing.
 */
public final class Importer {
    /**
     * @param dumps the {@code kubectl get ... -o json|yaml} files, read in order
     * @param namespaces namespaces to keep (empty: all)
     * @param excludedNamespaces namespaces to leave out
     */
    public record Options(List<Path> dumps, Set<String> namespaces, Set<String> excludedNamespaces, Path outputDir) {
        public Options {
            dumps = List.copyOf(dumps);
            namespaces = Set.copyOf(namespaces);
            excludedNamespaces = Set.copyOf(excludedNamespaces);
        }
    }

    /** What an import did, for the command's summary line. */
    public record Result(ImportModel model, List<LintWarning> lint) {
    }

    private Importer() {
    }

    public static ImportModel read(Options options) {
        ClusterDump dump = new ClusterDump(options.namespaces(), options.excludedNamespaces());
        for (Path f : options.dumps()) {
            new DumpReader(f).read(dump);
        }
        if (dump.nodeCount() == 0) {
            throw new ImportException(String.join(", ", options.dumps().stream().map(Path::toString).toList()), 0, 0,
                    "no Node objects: a scenario needs the cluster's nodes (add the output of "
                            + "`kubectl get nodes -o json` to the files imported)");
        }
        return WorkloadRebuilder.rebuild(dump);
    }

    public static Result run(Options options, SettingsSource settings, Names names) {
        ImportModel model = read(options);
        String name = scenarioName(options.outputDir());
        List<LintWarning> lint = new ScenarioFiles(model, settings, names,
                options.dumps().stream().map(Path::toString).toList()).write(options.outputDir(), name);
        return new Result(model, lint);
    }

    /** The output folder's name when it can name a scenario, else {@code imported}. */
    static String scenarioName(Path dir) {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        String n = f == null ? "" : f.toString();
        return n.matches("[A-Za-z0-9][A-Za-z0-9._-]*") ? n : "imported";
    }
}
