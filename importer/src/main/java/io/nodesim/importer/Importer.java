package io.nodesim.importer;

import io.nodesim.importer.anonymize.Names;
import io.nodesim.importer.model.ClusterDump;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.NodeEntry;
import io.nodesim.importer.model.WorkloadRebuilder;
import io.nodesim.importer.read.DumpReader;
import io.nodesim.importer.settings.ImportedSettings;
import io.nodesim.importer.settings.Provenance;
import io.nodesim.importer.settings.SettingsImport;
import io.nodesim.importer.settings.VersionDetector;
import io.nodesim.importer.write.ScenarioFiles;
import io.nodesim.scenario.LintWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nodesim import} (DESIGN §3.1): streams the dumps, rebuilds the workloads, reads the component
 * settings ({@link SettingsImport}), writes the scenario files with the names {@link Names} gives.
 * Throws {@link ImportException} (or {@link io.nodesim.scenario.ScenarioException} for a settings file)
 * on bad input, having written nothing.
 */
public final class Importer {
    /**
     * @param dumps the {@code kubectl get ... -o json|yaml} files, read in order
     * @param namespaces namespaces to keep (empty: all)
     * @param excludedNamespaces namespaces to leave out
     * @param settings the kubelet configz, control-plane pods and kubeadm-config files, each optional
     */
    public record Options(List<Path> dumps, Set<String> namespaces, Set<String> excludedNamespaces, Path outputDir,
            Optional<Path> kubeletConfigz, List<Path> controlPlane, Optional<Path> kubeadmConfig) {
        public Options {
            dumps = List.copyOf(dumps);
            namespaces = Set.copyOf(namespaces);
            excludedNamespaces = Set.copyOf(excludedNamespaces);
            controlPlane = List.copyOf(controlPlane);
        }

        /** Dumps only, no settings files. */
        public Options(List<Path> dumps, Set<String> namespaces, Set<String> excludedNamespaces, Path outputDir) {
            this(dumps, namespaces, excludedNamespaces, outputDir, Optional.empty(), List.of(), Optional.empty());
        }
    }

    /** What an import did, for the command's summary line. */
    public record Result(ImportModel model, ImportedSettings settings, List<LintWarning> lint) {
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

    public static Result run(Options options, Names names) {
        ImportModel model = read(options);
        List<VersionDetector.NodeVersion> kubelets = new ArrayList<>();
        for (NodeEntry n : model.nodes()) {
            if (n.kubeletVersion() != null) {
                int hash = n.kubeletVersionAt().lastIndexOf('#');
                kubelets.add(new VersionDetector.NodeVersion(n.kubeletVersion(), new Provenance(
                        n.kubeletVersionAt().substring(0, hash), n.kubeletVersionAt().substring(hash + 1))));
            }
        }
        ImportedSettings settings = SettingsImport.read(new SettingsImport.Sources(options.kubeletConfigz(),
                options.controlPlane(), options.kubeadmConfig(), kubelets));
        if (names != Names.identity()) {
            settings = settings.withFileNames(fileLabels(options));
        }
        String name = scenarioName(options.outputDir());
        List<LintWarning> lint = new ScenarioFiles(model, settings, names,
                options.dumps().stream().map(Path::toString).toList()).write(options.outputDir(), name);
        return new Result(model, settings, lint);
    }

    /** Each input file's name to the option that gave it ({@code kubelet-configz}, {@code control-plane-2}, ...). */
    static Map<String, String> fileLabels(Options options) {
        Map<String, String> out = new LinkedHashMap<>();
        BiConsumer<Path, String> put = (p, label) -> out.putIfAbsent(p.getFileName().toString(), label);
        for (int i = 0; i < options.dumps().size(); i++) {
            put.accept(options.dumps().get(i), "dump-" + (i + 1));
        }
        options.kubeletConfigz().ifPresent(p -> put.accept(p, "kubelet-configz"));
        for (int i = 0; i < options.controlPlane().size(); i++) {
            put.accept(options.controlPlane().get(i), "control-plane-" + (i + 1));
        }
        options.kubeadmConfig().ifPresent(p -> put.accept(p, "kubeadm-config"));
        return out;
    }

    /** The output folder's name when it can name a scenario, else {@code imported}. */
    static String scenarioName(Path dir) {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        String n = f == null ? "" : f.toString();
        return n.matches("[A-Za-z0-9][A-Za-z0-9._-]*") ? n : "imported";
    }
}
