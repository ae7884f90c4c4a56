package io.nodesim.importer.model;

import java.util.List;
import java.util.Map;

/**
 * The cluster as the scenario will hold it.
 *
 * @param priorityClasses PriorityClass name to value, from the dump
 * @param notes facts for the report (rollouts in progress, owners missing from the dump, ...)
 */
public record ImportModel(List<NodeEntry> nodes, List<ImportedWorkload> workloads, List<Skipped> skipped,
        List<String> notes, Map<String, Integer> priorityClasses, List<String> disruptionBudgets,
        Map<String, Integer> otherKinds, int podsRead, int podsOutsideNamespaces) {
    public int placedPods() {
        return workloads.stream().mapToInt(w -> w.placed().size()).sum();
    }
}
