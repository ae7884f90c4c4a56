package io.nodesim.importer.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.nodesim.importer.ImportException;
import io.nodesim.importer.anonymize.HmacNames;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.importer.settings.ImportedSettings;
import io.nodesim.importer.settings.ImportedValue;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.ImportedWorkload;
import io.nodesim.importer.model.NodeEntry;
import io.nodesim.importer.model.PodEntry;
import io.nodesim.scenario.LintWarning;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLint;
import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an import's files (DESIGN §3.1): {@code scenario.yaml}, {@code workloads.yaml},
 * {@code initial-placement.csv}, {@code import-report.md}, and {@code map.csv} for anonymised names. All are written in a temporary directory beside DIR, the scenario is loaded back with
 * {@link ScenarioLoader} (an import that does not load is an error, not a file), and only then are
 * the files moved into DIR: on any error nothing is written.
 */
public final class ScenarioFiles {
    public static final String SCENARIO = "scenario.yaml";
    public static final String WORKLOADS = "workloads.yaml";
    public static final String PLACEMENT = "initial-placement.csv";
    public static final String REPORT = "import-report.md";

    private final ImportModel model;
    public static final String MAP = "map.csv";

    private final ImportedSettings settings;
    private final Names names;
    private final List<String> inputs;
    private final ScenarioDocuments documents;

    /** @param inputs the files read, as the user named them (for the report) */
    public ScenarioFiles(ImportModel model, ImportedSettings settings, Names names, List<String> inputs) {
        this.model = model;
        this.settings = settings;
        this.names = names;
        this.inputs = List.copyOf(inputs);
        this.documents = new ScenarioDocuments(names, model);
    }

    /** Writes the files into {@code dir} (created if needed); returns the lint warnings of the scenario. */
    public List<LintWarning> write(Path dir, String scenarioName) {
        Path abs = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".import-");
            String version = settings.version().map(v -> v.version().toString()).orElse(null);
            List<ImportedWorkload> workloads = model.workloads().stream().filter(w -> w.template() != null).toList();
            Files.writeString(tmp.resolve(SCENARIO), scenario(scenarioName, version, !workloads.isEmpty()));
            if (!workloads.isEmpty()) {
                writeWorkloads(tmp.resolve(WORKLOADS), workloads);
            }
            writePlacement(tmp.resolve(PLACEMENT), workloads);
            List<LintWarning> lint = load(tmp, abs);
            Files.writeString(tmp.resolve(REPORT), new ImportReport(model, settings, names, inputs).markdown(version, lint));
            if (names instanceof HmacNames hmac) {
                hmac.writeMap(tmp.resolve(MAP)); // last: every name of every file is in it
            }
            Files.createDirectories(abs);
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.sorted().toList()) {
                    Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return lint;
        } catch (IOException e) {
            throw new ImportException(dir.toString(), 0, 0, "cannot write: " + e.getMessage());
        } finally {
            deleteQuietly(tmp);
        }
    }

    private List<LintWarning> load(Path tmp, Path finalDir) {
        try {
            Scenario s = ScenarioLoader.load(tmp.resolve(SCENARIO));
            return ScenarioLint.check(s);
        } catch (ScenarioException e) {
            throw new ImportException("the imported scenario does not load (a bug of nodesim import, or a cluster "
                    + "it cannot model): " + e.getMessage().replace(tmp.toString(), finalDir.toString()));
        }
    }

    private String scenario(String name, String version, boolean hasWorkloads) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by nodesim import: ").append(model.nodes().size()).append(" nodes, ")
                .append(model.workloads().size()).append(" workloads, ").append(model.placedPods())
                .append(" pods placed where the cluster runs them. See import-report.md.\n");
        b.append("apiVersion: ").append(ScenarioLoader.API_VERSION).append('\n');
        b.append("kind: ").append(ScenarioLoader.KIND).append('\n');
        b.append("metadata:\n  name: ").append(name).append('\n');
        b.append("  description: ").append(YamlText.inline("A cluster imported by nodesim import ("
                + model.nodes().size() + " nodes, " + model.workloads().size() + " workloads)")).append('\n');
        Map<String, String> origins = settings.origins();
        if (!origins.isEmpty()) {
            b.append("  origins:\n");
            origins.forEach((path, from) -> b.append("    ").append(path).append(": ").append(YamlText.inline(from))
                    .append('\n'));
        }
        b.append("spec:\n");
        if (version != null) {
            b.append("  kubernetesVersion: \"").append(version).append("\"\n");
        }
        settings.sections().forEach((section, values) -> {
            b.append("  ").append(section).append(":\n");
            for (Map.Entry<String, ImportedValue> e : values.entrySet()) {
                b.append("    ").append(e.getKey()).append(": ").append(YamlText.inline(e.getValue().scalar())).append('\n');
            }
        });
        if (hasWorkloads) {
            b.append("  initialPlacement: {file: ").append(PLACEMENT).append("}\n");
        }
        ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
        for (NodeEntry n : model.nodes()) {
            nodes.add(documents.node(n));
        }
        b.append("  nodes:\n").append(YamlText.indent(YamlText.of(nodes), 2));
        if (hasWorkloads) {
            b.append("  workloads:\n    - file: ").append(WORKLOADS).append('\n');
        }
        return b.toString();
    }

    private void writeWorkloads(Path file, List<ImportedWorkload> workloads) throws IOException {
        List<com.fasterxml.jackson.databind.node.ObjectNode> manifests = workloads.stream().map(documents::manifest).toList();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var pc : ScenarioDocuments.priorityClasses(manifests)) {
                w.write("---\n");
                w.write(YamlText.of(pc));
            }
            for (var m : manifests) {
                w.write("---\n");
                w.write(YamlText.of(m));
            }
        }
    }

    private void writePlacement(Path file, List<ImportedWorkload> workloads) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriter(w, ',', '"', '"', CSVWriter.RFC4180_LINE_END)) {
            csv.writeNext(new String[] {"workload", "pod", "node"}, false);
            for (ImportedWorkload wl : workloads) {
                String workload = qualified(wl.namespace(), ScenarioDocuments.workloadName(names, wl));
                for (PodEntry p : wl.placed()) {
                    String pod = "Pod".equals(wl.kind()) ? ScenarioDocuments.workloadName(names, wl)
                            : names.pod(wl.name(), p.name());
                    csv.writeNext(new String[] {workload, qualified(p.namespace(), pod), names.node(p.nodeName())}, false);
                }
            }
        }
    }

    private String qualified(String namespace, String name) {
        return "default".equals(namespace) ? name : names.namespace(namespace) + "/" + name;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden temporary directory is harmless
        }
    }
}
