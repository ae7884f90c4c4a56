package io.nodesim.importer.write;

import io.nodesim.importer.anonymize.Names;
import io.nodesim.importer.settings.ImportedSettings;
import io.nodesim.importer.settings.NotModelled;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.ImportedWorkload;
import io.nodesim.importer.model.NodeEntry;
import io.nodesim.importer.model.Skipped;
import io.nodesim.scenario.LintWarning;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code import-report.md}: what was imported, what was skipped and why, every inferred setting with
 * its source, what the scenario format does not hold, and the scenario's lint warnings. With
 * anonymised names it names objects by their tokens only and gives no file names.
 */
final class ImportReport {
    private final ImportModel model;
    private final ImportedSettings settings;
    private final Names names;
    private final List<String> inputs;

    ImportReport(ImportModel model, ImportedSettings settings, Names names, List<String> inputs) {
        this.model = model;
        this.settings = settings;
        this.names = names;
        this.inputs = inputs;
    }

    private boolean anonymous() {
        return names != Names.identity();
    }

    String markdown(String version, List<LintWarning> lint) {
        StringBuilder b = new StringBuilder("# nodesim import report\n\n");
        b.append("Read ").append(anonymous() ? inputs.size() + " file(s)" : String.join(", ", inputs))
                .append(": ").append(model.nodes().size()).append(" nodes, ").append(model.podsRead())
                .append(" pods");
        if (model.podsOutsideNamespaces() > 0) {
            b.append(" (and ").append(model.podsOutsideNamespaces()).append(" outside the selected namespaces)");
        }
        b.append(".\n\nImported: ").append(model.nodes().size()).append(" nodes, ").append(model.workloads().size())
                .append(" workloads, ").append(model.placedPods()).append(" pods placed where the cluster runs them ")
                .append("(`initial-placement.csv`); ").append(model.skipped().size()).append(" objects skipped.\n");
        nodes(b);
        workloads(b);
        skipped(b);
        settings(b, version);
        notModelled(b);
        b.append("\n## Notes\n\n");
        if (model.notes().isEmpty()) {
            b.append("None.\n");
        }
        model.notes().forEach(n -> b.append("- ").append(anonymous() ? "(withheld: names)" : n).append('\n'));
        b.append("\n## Lint warnings of the scenario\n\n");
        if (lint.isEmpty()) {
            b.append("None.\n");
        }
        lint.forEach(w -> b.append("- ").append(w).append('\n'));
        return b.toString();
    }

    private void nodes(StringBuilder b) {
        Map<String, Integer> zones = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        int cordoned = 0;
        int tainted = 0;
        for (NodeEntry n : model.nodes()) {
            zones.merge(n.zone() == null ? "(none)" : names.zone(n.zone()), 1, Integer::sum);
            versions.merge(n.kubeletVersion() == null ? "(none)" : n.kubeletVersion(), 1, Integer::sum);
            cordoned += n.unschedulable() ? 1 : 0;
            tainted += n.taints().isEmpty() ? 0 : 1;
        }
        b.append("\n## Nodes\n\n| zone | nodes |\n|---|---|\n");
        zones.forEach((z, c) -> b.append("| ").append(z).append(" | ").append(c).append(" |\n"));
        b.append("\nKubelet versions: ").append(versions).append(". Cordoned (`unschedulable: true`): ")
                .append(cordoned).append(". With user taints: ").append(tainted)
                .append(" (the control plane's `node.kubernetes.io/*` taints are not written).\n");
    }

    private void workloads(StringBuilder b) {
        b.append("\n## Workloads\n\n| kind | workload | replicas | placed | source |\n|---|---|---|---|---|\n");
        for (ImportedWorkload w : model.workloads()) {
            String name = ScenarioDocuments.workloadName(names, w);
            b.append("| ").append(w.kind()).append(" | ")
                    .append("default".equals(w.namespace()) ? name : names.namespace(w.namespace()) + "/" + name)
                    .append(" | ").append("DaemonSet".equals(w.kind()) ? "per node" : String.valueOf(w.replicas()))
                    .append(" | ").append(w.placed().size()).append(" | ")
                    .append(w.template() == null ? "not written: no template in the dump" : source(w.source()))
                    .append(" |\n");
        }
    }

    private String source(String s) {
        return anonymous() ? s.replaceAll("\\(.*\\)", "").trim() : s;
    }

    private void skipped(StringBuilder b) {
        b.append("\n## Skipped\n\n");
        if (model.skipped().isEmpty()) {
            b.append("Nothing.\n");
            return;
        }
        b.append("| object | reason |\n|---|---|\n");
        for (Skipped s : model.skipped()) {
            String name = "Node".equals(s.kind()) ? names.node(s.name()) : names.pod(s.name());
            String ns = s.namespace().isEmpty() || "default".equals(s.namespace()) ? "" : names.namespace(s.namespace()) + "/";
            b.append("| ").append(s.kind()).append(' ').append(ns).append(name).append(" | ").append(s.reason());
            if (!anonymous() && !s.detail().isEmpty()) {
                b.append(" (").append(s.detail()).append(')');
            }
            b.append(" |\n");
        }
    }

    private void settings(StringBuilder b, String version) {
        b.append("\n## Settings\n\n| setting | value | source |\n|---|---|---|\n");
        b.append("| kubernetesVersion | ").append(version == null ? "(nodesim's default profile)" : version).append(" | ")
                .append(settings.version().map(v -> "`" + v.observed() + "` (" + v.how() + ") " + v.from())
                        .orElse("none")).append(" |\n");
        settings.sections().forEach((section, values) -> values.forEach((key, v) -> b.append("| ").append(section)
                .append('.').append(key).append(" | `").append(v.text()).append("` | ").append(v.from()).append(" |\n")));
        if (settings.sections().isEmpty()) {
            b.append("\nNo component setting was imported (`--kubelet-configz`, `--control-plane`, `--kubeadm-config`): "
                    + "every other setting is the version profile's default (see `nodesim explain`).\n");
        }
        settings.warnings().forEach(w -> b.append("\n").append(w).append('\n'));
    }

    private void notModelled(StringBuilder b) {
        b.append("\n## Not modelled\n\n");
        b.append("- PriorityClasses: ").append(model.priorityClasses().size())
                .append(" in the dump; each template keeps its `priorityClassName` and the `priority` it resolves to, "
                        + "and the classes the templates name are written to workloads.yaml with that value "
                        + "(globalDefault and descriptions are not).\n");
        b.append("- PodDisruptionBudgets: ").append(model.disruptionBudgets().size())
                .append(" in the dump; the scenario format takes no PodDisruptionBudget yet: not written.\n");
        model.otherKinds().forEach((k, c) -> b.append("- ").append(k).append(": ").append(c)
                .append(" object(s), a kind the import does not read.\n"));
        for (NotModelled n : settings.notModelled()) {
            b.append("- ").append(n.component()).append(' ').append(n.name()).append(" (").append(n.from()).append("): ")
                    .append(n.reason()).append('\n');
        }
    }
}
