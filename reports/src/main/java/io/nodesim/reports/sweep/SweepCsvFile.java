package io.nodesim.reports.sweep;

import io.nodesim.experiment.ExperimentException;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepJournal;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * sweep.csv, grown in place one complete row at a time: each append is written, then forced to the
 * disk (fsync) before the sweep goes on, so a crash loses at most the row being written. Unlike the
 * other outputs it is not written to a temporary name and moved into place: it must be readable,
 * and resumable, while the sweep runs.
 *
 * <p>Writes go through streams, which an interrupt does not abort, so a Ctrl-C never cuts a row.
 * A process killed in the middle of a write can leave a last line without its line end; it is an
 * incomplete row, and {@link #lines()} cuts it off (truncating the file after the last LF) so the
 * resumed sweep writes that row again, whole.
 *
 * <p>Beside it, {@value #IDENTITY_NAME} records the scenario content hash and the arguments of the
 * sweep that began the file ({@link SweepIdentityFile}); a sweep resumes the file only when they are
 * its own.
 */
public final class SweepCsvFile implements SweepJournal {
    /** The file's name in the output directory (DESIGN §3). */
    public static final String NAME = "sweep.csv";
    /** The record of the sweep that writes {@value #NAME}, beside it. */
    public static final String IDENTITY_NAME = "sweep-identity.csv";

    private final Path file;

    public SweepCsvFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** {@value #NAME} in {@code directory}. */
    public static SweepCsvFile in(Path directory) {
        return new SweepCsvFile(directory.resolve(NAME));
    }

    public Path file() {
        return file;
    }

    private Path identityFile() {
        return file.resolveSibling(IDENTITY_NAME);
    }

    @Override
    public void begin(SweepIdentity identity) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // whole or not at all, and durable before the first row that depends on it
        Path tmp = directory.resolve("." + IDENTITY_NAME + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            out.write(SweepIdentityFile.text(identity).getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(tmp, identityFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    @Override
    public Optional<SweepIdentity> identity() throws IOException {
        Path f = identityFile();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SweepIdentityFile.parse(Files.readAllLines(f, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new ExperimentException(f + " is not a record of a sweep (" + e.getMessage() + "); delete it and "
                    + NAME + " to start over");
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public List<String> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(end);
                f.getFD().sync();
            }
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    @Override
    public void append(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean created = !Files.exists(file);
        // a stream, not a FileChannel: an interrupt (Ctrl-C) closes a channel in the middle of a write
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        if (created) {
            syncDirectory(directory);
        }
    }

    /** Makes the new file's directory entry durable too (POSIX); not possible, and not needed, on Windows. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the entry itself
        }
    }
}
