package io.nodesim.reports.schedule;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.explain.Placement;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes placements.csv ({@code pod,node,total_score,feasible_nodes,tie_set}, tie set
 * {@code ;}-separated) and scores.csv ({@code pod,node,plugin,raw,normalized,weight,weighted}, one
 * row per feasible node and plugin that scored; a plugin whose PreScore skipped the pod has no row).
 * Each file is written to a temporary name in the output folder and moved into place atomically.
 */
public final class ScheduleCsv {
    public static final String PLACEMENTS = "placements.csv";
    public static final String SCORES = "scores.csv";

    private ScheduleCsv() {
    }

    public static void write(Path dir, List<Placement> placements) throws IOException {
        Files.createDirectories(dir);
        atomically(dir, PLACEMENTS, csv -> {
            csv.writeNext(new String[] {"pod", "node", "total_score", "feasible_nodes", "tie_set"}, false);
            for (Placement p : placements) {
                ScheduleResult r = p.result();
                boolean scored = r != null && r.scheduled();
                csv.writeNext(new String[] {p.pod(), p.node() == null ? "" : p.node(),
                    scored ? Long.toString(r.totalScore()) : "",
                    r == null ? "" : Integer.toString(r.feasibleNodes()), String.join(";", p.tieSet())}, false);
            }
        });
        atomically(dir, SCORES, csv -> {
            csv.writeNext(new String[] {"pod", "node", "plugin", "raw", "normalized", "weight", "weighted"}, false);
            for (Placement p : placements) {
                if (p.result() == null || p.result().explanation() == null) {
                    continue;
                }
                ScheduleResult.Explanation e = p.result().explanation();
                for (ScheduleResult.NodeScores s : e.feasible()) {
                    for (int i = 0; i < e.plugins().size(); i++) {
                        if (s.skipped()[i]) {
                            continue;
                        }
                        csv.writeNext(new String[] {p.pod(), s.node(), e.plugins().get(i), Long.toString(s.raw()[i]),
                            Long.toString(s.normalized()[i]), Integer.toString(e.weights()[i]),
                            Long.toString(e.weights()[i] * s.normalized()[i])}, false);
                    }
                }
            }
        });
    }

    private interface Body {
        void write(ICSVWriter csv) throws IOException;
    }

    private static void atomically(Path dir, String name, Body body) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(w, ',', '"', '"', CSVWriter.RFC4180_LINE_END)) {
                body.write(csv);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
