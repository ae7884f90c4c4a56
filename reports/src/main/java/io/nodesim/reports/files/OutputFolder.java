package io.nodesim.reports.files;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
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
    /** The outermost directory this object created on the way to {@code dir}, or null: discarding removes it again. */
    private Path createdRoot;

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
    public synchronized List<Path> written() {
        return List.copyOf(written);
    }

    /** Writes a UTF-8 text file. */
    public Path writeText(String fileName, Body<Writer> body) throws IOException {
        return commit(stageText(fileName, body));
    }

    /** Writes a file byte by byte; on any failure the temporary file is removed and nothing is moved. */
    public Path writeBytes(String fileName, Body<OutputStream> body) throws IOException {
        return commit(stage(fileName, body));
    }

    /**
     * A file written whole to its temporary name in the folder, not yet in place: several can be
     * written at once on other threads, and then either all moved into place with {@link #commit}, in
     * the order chosen, or all removed with {@link #discard}.
     */
    public static final class Staged {
        private final Path temporary;
        private final Path target;

        private Staged(Path temporary, Path target) {
            this.temporary = temporary;
            this.target = target;
        }

        public String fileName() {
            return target.getFileName().toString();
        }
    }

    /** Writes a UTF-8 text file to its temporary name (may be called from several threads at once). */
    public Staged stageText(String fileName, Body<Writer> body) throws IOException {
        return stage(fileName, out -> {
            // buffered before the encoder: a CSV writer hands it one short line at a time
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.writeTo(w);
            w.flush();
        });
    }

    /** Writes a file to its temporary name; on any failure the temporary file is removed. Thread-safe. */
    public Staged stage(String fileName, Body<OutputStream> body) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        createFolder();
        Path target = dir.resolve(fileName);
        // Not Files.createTempFile: it makes the file owner-only (0600); outputs get the usual umask.
        Path tmp = dir.resolve("." + fileName + "." + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet()
                + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.writeTo(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(tmp, target);
    }

    /** Moves a staged file into place; it then counts as written. */
    public synchronized Path commit(Staged staged) throws IOException {
        try {
            move(staged.temporary, staged.target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged.temporary);
            throw e;
        }
        written.add(staged.target);
        return staged.target;
    }

    /**
     * Removes staged files that will not be committed, and the folder too when this object created it
     * and nothing else is in it (a failure before anything was committed leaves nothing behind).
     */
    public synchronized void discard(List<Staged> staged) throws IOException {
        for (Staged s : staged) {
            Files.deleteIfExists(s.temporary);
        }
        if (createdRoot == null || !written.isEmpty()) {
            return;
        }
        for (Path d = dir.toAbsolutePath(); d != null && d.startsWith(createdRoot); d = d.getParent()) {
            try (var left = Files.list(d)) {
                if (left.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
        createdRoot = null;
    }

    private synchronized void createFolder() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path root = dir.toAbsolutePath();
        while (root.getParent() != null && !Files.exists(root.getParent())) {
            root = root.getParent();
        }
        Files.createDirectories(dir);
        if (createdRoot == null) {
            createdRoot = root;
        }
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
