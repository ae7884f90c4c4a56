package io.nodesim.reports.sweep;

import io.nodesim.experiment.Shard;
import io.nodesim.experiment.TaskSamples;
import io.nodesim.metrics.Rfc4180;
import io.nodesim.reports.files.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parts/part-I-of-N.csv}: the raw samples of one shard of a sweep (DESIGN §3.2), with what a
 * merge checks them against. CSV lines:
 * <pre>
 * nodesim_sweep_part,1
 * scenario,scenarios/tune.yaml,tune.yaml          the file as named, and its place among its files
 * scenario_sha256,3f9a…
 * arguments,--vary,kubeControllerManager.node-monitor-grace-period=20s,40s
 * shard,1,3                                       I, N
 * tasks,12                                        the tasks of the whole sweep
 * task,point,replication,metric,samples
 * 1,0,1,time_to_unknown,40.114 40.702            one row per task and metric; samples space-separated
 * 4,1,0,,                                         a task without any metric: one row, metric empty
 * end,57,9c0e…                                    data rows, and SHA-256 of every byte before this line
 * </pre>
 * Samples are written as {@link Double#toString}, which reads back to the same double, so a merge
 * computes the statistics of the very numbers the one-machine sweep would. The file is written to a
 * temporary name and moved into place, whole or not at all; the end line still tells a whole file
 * from one cut short by a copy, or from a stray write.
 */
public final class SweepPartFile {
    /** The folder of the parts, in the sweep's output folder. */
    public static final String FOLDER = "parts";
    static final String MAGIC = "nodesim_sweep_part";
    static final String VERSION = "1";
    private static final String TABLE_HEADER = "task,point,replication,metric,samples";

    private SweepPartFile() {
    }

    /** Writes the part into {@code dir}/{@value #FOLDER}/ and returns its path. */
    public static Path write(Path dir, SweepPart part) throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(Rfc4180.line(List.of(MAGIC, VERSION)));
        head.add(Rfc4180.line(List.of("scenario", part.scenarioDisplay(), part.scenarioKey())));
        head.addAll(SweepIdentityFile.lines(part.identity()));
        head.add(Rfc4180.line(List.of("shard", Integer.toString(part.shard().index()),
                Integer.toString(part.shard().count()))));
        head.add(Rfc4180.line(List.of("tasks", Integer.toString(part.totalTasks()))));
        head.add(TABLE_HEADER);
        head.forEach(l -> text.append(l).append('\n'));
        int rows = 0;
        for (TaskSamples t : part.samples()) {
            String prefix = t.task() + "," + t.point() + "," + t.replication() + ",";
            if (t.metrics().isEmpty()) {
                text.append(prefix).append(",\n");
                rows++;
            }
            for (Map.Entry<String, double[]> m : t.metrics().entrySet()) {
                StringBuilder samples = new StringBuilder();
                for (double x : m.getValue()) {
                    samples.append(samples.length() == 0 ? "" : " ").append(x);
                }
                text.append(prefix).append(Rfc4180.line(List.of(m.getKey(), samples.toString()))).append('\n');
                rows++;
            }
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("end," + rows + "," + sha256(body, body.length) + "\n").getBytes(StandardCharsets.UTF_8);
        return new OutputFolder(dir.resolve(FOLDER)).writeBytes(SweepPart.fileName(part.shard()), out -> {
            out.write(body);
            out.write(end);
        });
    }

    /**
     * Reads a part.
     *
     * @throws IllegalArgumentException the file is not a whole part; the message says why
     */
    public static SweepPart read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lastLine = bytes.length - 1;
        if (bytes.length == 0 || bytes[lastLine] != '\n') {
            throw new IllegalArgumentException("truncated: it does not end with a complete line");
        }
        int endStart = lastLine;
        while (endStart > 0 && bytes[endStart - 1] != '\n') {
            endStart--;
        }
        List<String> lines = List.of(new String(bytes, 0, lastLine, StandardCharsets.UTF_8).split("\n", -1));
        if (lines.size() < 8 || !lines.get(0).equals(MAGIC + "," + VERSION)) {
            throw new IllegalArgumentException("not a part of a sweep (a part begins with " + MAGIC + "," + VERSION + ")");
        }
        List<String> end = Rfc4180.cells(lines.get(lines.size() - 1));
        if (end.size() != 3 || !end.get(0).equals("end")) {
            throw new IllegalArgumentException("truncated: it has no end line (a shard still writing, or a file cut "
                    + "short)");
        }
        String digest = sha256(bytes, endStart);
        if (!end.get(2).equals(digest)) {
            throw new IllegalArgumentException("damaged: its content does not match the checksum of its end line");
        }
        try {
            return parse(lines);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("not a part of a sweep: " + e.getMessage(), e);
        }
    }

    private static SweepPart parse(List<String> lines) {
        List<String> scenario = field(lines.get(1), "scenario", 3);
        var identity = SweepIdentityFile.parse(lines.subList(2, 4));
        List<String> shardCells = field(lines.get(4), "shard", 3);
        Shard shard = new Shard(Integer.parseInt(shardCells.get(1)), Integer.parseInt(shardCells.get(2)));
        int total = Integer.parseInt(field(lines.get(5), "tasks", 2).get(1));
        if (!lines.get(6).equals(TABLE_HEADER)) {
            throw new IllegalArgumentException("line 7 is not " + TABLE_HEADER);
        }
        List<TaskSamples> samples = new ArrayList<>();
        int rows = lines.size() - 8;
        int r = 7;
        while (r < lines.size() - 1) {
            List<String> first = Rfc4180.cells(lines.get(r));
            int task = Integer.parseInt(first.get(0));
            int point = Integer.parseInt(first.get(1));
            int replication = Integer.parseInt(first.get(2));
            Map<String, double[]> metrics = new LinkedHashMap<>();
            for (; r < lines.size() - 1; r++) {
                List<String> cells = Rfc4180.cells(lines.get(r));
                if (cells.size() != 5) {
                    throw new IllegalArgumentException("line " + (r + 1) + " has " + cells.size() + " cells, not 5");
                }
                if (Integer.parseInt(cells.get(0)) != task) {
                    break;
                }
                if (!cells.get(3).isEmpty()) {
                    metrics.put(cells.get(3), samples(cells.get(4)));
                }
            }
            if (!shard.holds(task) || task >= total
                    || (!samples.isEmpty() && task <= samples.get(samples.size() - 1).task())) {
                throw new IllegalArgumentException("task " + task + " does not belong here: shard " + shard + " holds "
                        + "tasks t mod " + shard.count() + " = " + shard.index() + " below " + total + ", in order");
            }
            samples.add(new TaskSamples(task, point, replication, metrics));
        }
        int declared = Integer.parseInt(Rfc4180.cells(lines.get(lines.size() - 1)).get(1));
        if (declared != rows) {
            throw new IllegalArgumentException("truncated: its end line counts " + declared + " rows, it has " + rows);
        }
        if (samples.size() != shard.taskCount(total)) {
            throw new IllegalArgumentException("it holds " + samples.size() + " tasks; shard " + shard + " of a "
                    + total + "-task sweep has " + shard.taskCount(total));
        }
        return new SweepPart(scenario.get(1), scenario.get(2), identity, shard, total, samples);
    }

    private static List<String> field(String line, String name, int cells) {
        List<String> c = Rfc4180.cells(line);
        if (c.size() != cells || !c.get(0).equals(name)) {
            throw new IllegalArgumentException("expected a line " + name + " with " + (cells - 1) + " values, got " + line);
        }
        return c;
    }

    private static double[] samples(String cell) {
        return cell.isEmpty() ? new double[0]
                : Arrays.stream(cell.split(" ", -1)).mapToDouble(Double::parseDouble).toArray();
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
