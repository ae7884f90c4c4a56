package io.nodesim.reports.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The output folder of one command. Every file is written to a temporary name in the folder and
 * then moved into place atomically, so a reader (or a crash) never sees half a file; the folder
 * itself is created by the first write, so a run that fails before writing leaves nothing behind.
 */
public final class OutputFolder {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    public OutputFolder(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Writes the body of one file. */
    @FunctionalInterface
    public interface Body<S> {
        void writeTo(S sink) throws IOException;
    }

    public Path dir() {
        return dir;
    }

    /** The files written so far, in the order they were written. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Writes a UTF-8 text file. */
    public Path writeText(String fileName, Body<Writer> body) throws IOException {
        return writeBytes(fileName, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.writeTo(w);
            w.flush();
        });
    }

    /** Writes a file byte by byte; on any failure the temporary file is removed and nothing is moved. */
    public Path writeBytes(String fileName, Body<OutputStream> body) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        // Not Files.createTempFile: it makes the file owner-only (0600); outputs get the usual umask.
        Path tmp = dir.resolve("." + fileName + "." + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet()
                + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.writeTo(out);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        written.add(target);
        return target;
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; a plain replace is the best left.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
