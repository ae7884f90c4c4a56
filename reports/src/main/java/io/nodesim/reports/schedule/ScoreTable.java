package io.nodesim.reports.schedule;

import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.explain.Placement;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable form of a {@code schedule} run: one line per pod, and for small clusters a table per
 * pod with each plugin's weighted score per node, the total, and why a node was filtered out.
 */
public final class ScoreTable {
    /** Clusters up to this many nodes get the per-node tables. */
    public static final int MAX_TABLE_NODES = 20;

    private ScoreTable() {
    }

    public static void print(PrintWriter out, List<Placement> placements, int nodeCount) {
        for (Placement p : placements) {
            ScheduleResult r = p.result();
            if (p.boundByNodeName()) {
                out.println(p.pod() + " -> " + (p.node() == null ? "(unbound: spec.nodeName names no node)"
                        : p.node() + " (spec.nodeName)"));
                continue;
            }
            if (!r.scheduled()) {
                out.println(p.pod() + " -> unschedulable: " + r.message());
            } else {
                out.println(p.pod() + " -> " + p.node() + " (total " + r.totalScore() + ", " + r.feasibleNodes()
                        + " feasible of " + r.evaluatedNodes() + " evaluated"
                        + (p.tieSet().size() > 1 ? ", tie " + String.join(", ", p.tieSet()) : "")
                        + (r.feasibleNodes() == 1 ? ", the only feasible node: not scored" : "") + ")");
            }
            if (nodeCount <= MAX_TABLE_NODES && r.explanation() != null) {
                table(out, r.explanation());
            }
        }
        out.flush();
    }

    private static void table(PrintWriter out, ScheduleResult.Explanation e) {
        if (!e.feasible().isEmpty()) {
            scores(out, e);
        }
        for (ScheduleResult.Rejection rej : e.rejected()) {
            out.println("    " + rej.node() + ": filtered by " + rej.plugin() + ": " + rej.reason());
        }
    }

    private static void scores(PrintWriter out, ScheduleResult.Explanation e) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[e.plugins().size() + 2];
        header[0] = "node";
        for (int i = 0; i < e.plugins().size(); i++) {
            header[i + 1] = e.plugins().get(i) + " x" + e.weights()[i];
        }
        header[header.length - 1] = "total";
        rows.add(header);
        for (ScheduleResult.NodeScores s : e.feasible()) {
            String[] row = new String[header.length];
            row[0] = s.node();
            for (int i = 0; i < e.plugins().size(); i++) {
                row[i + 1] = s.skipped()[i] ? "skip" : Long.toString(e.weights()[i] * s.normalized()[i]);
            }
            row[row.length - 1] = Long.toString(s.total());
            rows.add(row);
        }
        int[] width = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder("    ");
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                b.append(i == 0 ? String.format("%-" + width[i] + "s", cell) : String.format("%" + width[i] + "s", cell));
                b.append("  ");
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
