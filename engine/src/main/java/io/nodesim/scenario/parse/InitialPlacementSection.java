package io.nodesim.scenario.parse;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.nodesim.scenario.ImportedPlacement;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioSources;
import io.nodesim.scenario.WorkloadSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.initialPlacement: {file: initial-placement.csv}}: the CSV ({@code workload,pod,node},
 * RFC 4180) that {@code nodesim import} writes. Each row must name a workload and a node of the
 * scenario that exists at t = 0 and a pod name not used before; whether the pod still fits its node
 * needs the compiled requests: the loader checks it once the scenario is built
 * ({@code InitialPlacement.bindImported}).
 */
public final class InitialPlacementSection {
    static final String[] HEADER = {"workload", "pod", "node"};

    private InitialPlacementSection() {
    }

    public static ImportedPlacement read(YNode node, Path baseDir, List<WorkloadSpec> workloads, List<NodeGroup> nodes) {
        Section s = Section.of(node, "initialPlacement", List.of("file"));
        YNode fileNode = s.require("file", "file (the CSV written by nodesim import)");
        String name = Values.string(fileNode, "initialPlacement.file");
        Path file = baseDir.resolve(name);
        Set<String> workloadNames = new HashSet<>();
        workloads.forEach(w -> workloadNames.add(w.displayName()));
        Set<String> nodeNames = new HashSet<>();
        Set<String> joining = new HashSet<>();
        for (NodeGroup g : nodes) {
            for (int k = 0; k < g.count(); k++) {
                (g.joins() ? joining : nodeNames).add(g.nodeName(k));
            }
        }
        String display = file.toString();
        List<ImportedPlacement.Row> rows = new ArrayList<>();
        Map<String, Integer> pods = new HashMap<>();
        ScenarioSources.noteRead(file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            if (header == null || !java.util.Arrays.equals(header, HEADER)) {
                throw new ScenarioException(display, 1, 1, "", "expected the header workload,pod,node");
            }
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                int line = (int) csv.getLinesRead();
                if (row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                if (row.length != 3) {
                    throw new ScenarioException(display, line, 1, "", "expected 3 cells (workload,pod,node), got "
                            + row.length);
                }
                if (!workloadNames.contains(row[0])) {
                    throw new ScenarioException(display, line, 1, "workload", "no workload \"" + row[0]
                            + "\" in the scenario (names read NAMESPACE/NAME outside the default namespace)"
                            + DidYouMean.hint(row[0], workloadNames));
                }
                if (joining.contains(row[2])) {
                    throw new ScenarioException(display, line, 1, "node", "node \"" + row[2]
                            + "\" joins the cluster later (joinAt): no pod runs on it at t = 0");
                }
                if (!nodeNames.contains(row[2])) {
                    throw new ScenarioException(display, line, 1, "node", "no node \"" + row[2] + "\" in the scenario"
                            + DidYouMean.hint(row[2], nodeNames));
                }
                Integer before = pods.putIfAbsent(row[1], line);
                if (before != null) {
                    throw new ScenarioException(display, line, 1, "pod", "pod \"" + row[1]
                            + "\" is already placed on line " + before);
                }
                rows.add(new ImportedPlacement.Row(row[0], row[1], row[2], line));
            }
        } catch (NoSuchFileException e) {
            throw fileNode.loc().error("initialPlacement.file", "no such file: " + display);
        } catch (IOException | CsvException e) {
            throw new ScenarioException(display, 0, 0, "", "cannot read the placement: " + e.getMessage());
        }
        return new ImportedPlacement(display, rows);
    }
}
