package io.nodesim.scenario;

import java.util.List;

/**
 * {@code spec.initialPlacement: {file: initial-placement.csv}} (DESIGN §3.1): the pods of t = 0 that
 * run where an imported cluster runs them, under the cluster's pod names, instead of being
 * scheduled. A workload's pods without a row are scheduled as usual.
 *
 * @param file the CSV as the scenario names it (for messages)
 */
public record ImportedPlacement(String file, List<Row> rows) {
    /**
     * One CSV row ({@code workload,pod,node}); names read {@code NAMESPACE/NAME} outside {@code default}.
     *
     * @param line the row's line in the file, for messages
     */
    public record Row(String workload, String pod, String node, int line) {
    }

    public ImportedPlacement {
        rows = List.copyOf(rows);
    }

    /** {@code FILE:LINE} of a row. */
    public String where(Row r) {
        return file + ":" + r.line();
    }
}
