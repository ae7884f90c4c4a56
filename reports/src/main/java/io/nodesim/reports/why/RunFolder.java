package io.nodesim.reports.why;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.nodesim.metrics.EventRecord;
import io.nodesim.reports.csv.ResultCsv;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the {@link RunFacts} of one replication back from a {@code nodesim run} folder: events.csv
 * (written with {@code --events}), nodes.csv, pods.csv and workloads.csv, by their header names.
 */
public final class RunFolder {
    private RunFolder() {
    }

    /**
     * @throws IllegalArgumentException naming the file and what is missing: no events.csv (the run
     *     was not made with {@code --events}), a column or the replication absent
     */
    public static RunFacts read(Path dir, int replication) throws IOException {
        List<EventRecord> events = new ArrayList<>();
        boolean[] seen = new boolean[1];
        each(dir.resolve(ResultCsv.EVENTS), replication, row -> {
            events.add(new EventRecord(micros(row.get("time")), row.get("kind"), row.get("object"), row.get("detail")));
        }, "run it again with --events");
        Map<String, String> zones = new HashMap<>();
        each(dir.resolve(ResultCsv.NODES), replication, row -> zones.putIfAbsent(row.get("node"), row.get("zone")), null);
        Map<String, String> workloads = new HashMap<>();
        Map<String, String> nodes = new HashMap<>();
        each(dir.resolve(ResultCsv.PODS), replication, row -> {
            workloads.putIfAbsent(row.get("pod"), row.get("workload"));
            nodes.putIfAbsent(row.get("pod"), row.get("node"));
        }, null);
        Map<String, String> kinds = new HashMap<>();
        each(dir.resolve(ResultCsv.WORKLOADS), replication, row -> {
            seen[0] = true;
            kinds.put(row.get("workload"), row.get("kind"));
        }, null);
        if (!seen[0]) {
            throw new IllegalArgumentException(dir.resolve(ResultCsv.WORKLOADS) + ": no replication " + replication);
        }
        return new RunFacts(replication, events, zones, workloads, nodes, kinds);
    }

    private static long micros(String seconds) {
        return new BigDecimal(seconds).movePointRight(6).longValueExact();
    }

    private static void each(Path file, int replication, Consumer<Map<String, String>> row, String hintIfMissing)
            throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            List<String[]> lines = csv.readAll();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty, expected a header row");
            }
            String[] header = lines.get(0);
            String want = Integer.toString(replication);
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i);
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + cells.length + " cells, the header has "
                            + header.length);
                }
                Map<String, String> m = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    m.put(header[c], cells[c]);
                }
                if (want.equals(m.get("replication"))) {
                    row.accept(m);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file" + (hintIfMissing == null ? "" : "; " + hintIfMissing));
        } catch (CsvException e) {
            throw new IllegalArgumentException(file + ":" + e.getLineNumber() + ": " + e.getMessage());
        }
    }
}
