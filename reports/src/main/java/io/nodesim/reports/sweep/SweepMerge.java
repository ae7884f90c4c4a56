package io.nodesim.reports.sweep;

import io.nodesim.experiment.Shard;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.experiment.TaskSamples;
import io.nodesim.reports.SweepOutputs;
import io.nodesim.reports.charts.sweep.SweepInput;
import io.nodesim.reports.charts.sweep.SweepResults;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioContent;
import io.nodesim.scenario.ScenarioSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code nodesim sweep merge DIR} (DESIGN §3.2): checks that {@code DIR/parts/} holds every shard of
 * one sweep, whole, and writes what the one-machine sweep writes: sweep.csv (the same bytes), its
 * identity record, the charts and sweep.html. Spark's driver writes its outputs with
 * {@link #writeOutputs} too, so there is one way from task samples to files.
 *
 * <p>Every shard writes, besides its part, a copy of the scenario's files under
 * {@code DIR/parts/scenario/} (the same bytes from every shard, each file moved into place whole), so
 * a merge needs nothing but DIR, wherever the shards ran.
 */
public final class SweepMerge {
    /** The copy of the scenario's files, inside the parts folder. */
    public static final String SCENARIO_COPY = "scenario";
    private static final Pattern PART_NAME = Pattern.compile("part-(\\d{1,9})-of-(\\d{1,9})\\.csv");

    private SweepMerge() {
    }

    /** A part that cannot be merged: the file and the reason. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(Path file, String reason) {
            super(file + ": " + reason);
        }
    }

    /**
     * The parts of one sweep, checked.
     *
     * @param reference the lowest shard's part: the others were checked against it
     * @param samples every task, in task order
     */
    public record Parts(SweepPart reference, List<TaskSamples> samples) {
    }

    /**
     * Writes one shard's outputs: its part, and the scenario's files if not there yet.
     *
     * @return the part's path
     */
    public static Path writeShard(Path dir, SweepPart part, ScenarioContent files) throws IOException {
        Path copy = dir.resolve(SweepPartFile.FOLDER).resolve(SCENARIO_COPY);
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            Path target = copy.resolve(f.getKey());
            new OutputFolder(target.getParent()).writeBytes(target.getFileName().toString(),
                    out -> out.write(f.getValue()));
        }
        return SweepPartFile.write(dir, part);
    }

    /**
     * Reads and checks every part in {@code dir/parts}.
     *
     * @throws RefusedException a part is missing, not whole, duplicated, or of another sweep
     */
    public static Parts readParts(Path dir) throws IOException {
        Path folder = dir.resolve(SweepPartFile.FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new RefusedException(folder, "no parts here: run the shards (nodesim sweep ... --shard I/N -o "
                    + dir + ") first");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            // hidden files are parts still being written (OutputFolder's temporary names)
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        if (files.isEmpty()) {
            throw new RefusedException(folder, "no parts here: run the shards (nodesim sweep ... --shard I/N -o "
                    + dir + ") first");
        }
        Map<Integer, SweepPart> byShard = new TreeMap<>();
        Map<Integer, Path> fileOf = new TreeMap<>();
        int count = -1;
        Path countFile = null;
        for (Path f : files) {
            Matcher m = PART_NAME.matcher(f.getFileName().toString());
            if (!m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
                throw new RefusedException(f, "not a part: parts are named part-I-of-N.csv with 0 <= I < N (move "
                        + "other files away)");
            }
            int n = Integer.parseInt(m.group(2));
            if (count >= 0 && n != count) {
                throw new RefusedException(f, "a part of a sweep in " + n + " shards, and " + countFile + " of one in "
                        + count + ": a folder holds the parts of one sharding only");
            }
            count = n;
            countFile = f;
            SweepPart part;
            try {
                part = SweepPartFile.read(f);
            } catch (IllegalArgumentException e) {
                throw new RefusedException(f, e.getMessage());
            }
            if (!part.shard().equals(new Shard(Integer.parseInt(m.group(1)), n))) {
                throw new RefusedException(f, "holds shard " + part.shard() + ", its name says " + m.group(1) + "/" + n);
            }
            SweepPart before = byShard.put(part.shard().index(), part);
            if (before != null) {
                throw new RefusedException(f, "shard " + part.shard() + " again: " + fileOf.get(part.shard().index())
                        + " holds it too");
            }
            fileOf.put(part.shard().index(), f);
        }
        for (int i = 0; i < count; i++) {
            if (!byShard.containsKey(i)) {
                throw new RefusedException(folder.resolve(SweepPart.fileName(new Shard(i, count))), "missing: shard "
                        + i + "/" + count + " has not finished (or failed); run it again with --shard " + i + "/" + count);
            }
        }
        SweepPart reference = byShard.get(0);
        Path referenceFile = fileOf.get(0);
        List<TaskSamples> samples = new ArrayList<>();
        for (Map.Entry<Integer, SweepPart> e : byShard.entrySet()) {
            SweepPart p = e.getValue();
            Path f = fileOf.get(e.getKey());
            reference.identity().mismatch(p.identity(), f.toString()).ifPresent(reason -> {
                throw new RefusedException(f, "of another sweep than " + referenceFile + ": " + reason);
            });
            if (p.totalTasks() != reference.totalTasks() || !p.scenarioKey().equals(reference.scenarioKey())
                    || !p.scenarioDisplay().equals(reference.scenarioDisplay())) {
                throw new RefusedException(f, "of another sweep than " + referenceFile + ": " + p.totalTasks()
                        + " tasks of " + p.scenarioDisplay() + ", not " + reference.totalTasks() + " of "
                        + reference.scenarioDisplay());
            }
            samples.addAll(p.samples());
        }
        samples.sort(Comparator.comparingInt(TaskSamples::task));
        return new Parts(reference, samples);
    }

    /**
     * Merges {@code dir}'s parts into the one-machine sweep's outputs.
     *
     * @return the files written
     * @throws RefusedException the parts cannot be merged
     * @throws io.nodesim.scenario.ScenarioException the scenario copy does not load
     */
    public static List<Path> merge(Path dir) throws IOException {
        Parts parts = readParts(dir);
        SweepPart reference = parts.reference();
        Path copy = dir.resolve(SweepPartFile.FOLDER).resolve(SCENARIO_COPY);
        Path scenarioFile = copy.resolve(reference.scenarioKey());
        if (!Files.isRegularFile(scenarioFile)) {
            throw new RefusedException(scenarioFile, "missing: every shard writes this copy of the scenario beside "
                    + "its part");
        }
        ScenarioSources.Loaded loaded = ScenarioSources.load(scenarioFile, reference.scenarioDisplay(),
                reference.identity().arguments().sets());
        String hash = loaded.files().sha256();
        if (!hash.equals(reference.identity().scenarioSha256())) {
            throw new RefusedException(copy, "the scenario's files here (sha256 " + hash + ") are not those the "
                    + "parts ran (sha256 " + reference.identity().scenarioSha256() + ")");
        }
        return writeOutputs(dir, loaded.scenario(), reference.identity(), parts.samples());
    }

    /**
     * Writes sweep.csv, its identity record, the sweep charts and sweep.html from every task's samples.
     *
     * @param base the swept scenario, with the {@code --set} overrides and without any point's
     * @param samples every task of the sweep, in task order
     * @return the files written
     */
    public static List<Path> writeOutputs(Path dir, Scenario base, SweepIdentity identity, List<TaskSamples> samples)
            throws IOException {
        SweepSpec spec = identity.arguments().spec();
        List<String> lines;
        try {
            lines = Sweep.table(spec.parameters(), spec.design(base.seed()), samples);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(dir.resolve(SweepPartFile.FOLDER), "the parts' tasks are not this sweep's: "
                    + e.getMessage());
        }
        OutputFolder out = new OutputFolder(dir);
        out.writeText(SweepCsvFile.NAME, w -> {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        });
        out.writeText(SweepCsvFile.IDENTITY_NAME, w -> w.write(SweepIdentityFile.text(identity)));
        int replications = identity.arguments().replications();
        List<Path> written = new ArrayList<>(out.written());
        written.addAll(SweepOutputs.write(dir, new SweepInput(base, SweepResults.parse(spec.parameters(), lines),
                replications > 0 ? replications : base.replications())));
        return written;
    }
}
