package io.nodesim.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void folderIsCreatedOnlyByTheFirstWrite() throws Exception {
        Path dir = tmp.resolve("out/zone-outage");
        OutputFolder out = new OutputFolder(dir);
        assertFalse(Files.exists(dir));
        out.writeText("a.csv", w -> w.write("x\n"));
        assertEquals(List.of("a.csv"), names(dir));
        assertEquals(List.of(dir.resolve("a.csv")), out.written());
    }

    @Test
    void failureMidwayLeavesNoFileAndNoTemporary() throws Exception {
        OutputFolder out = new OutputFolder(tmp);
        IOException e = assertThrows(IOException.class, () -> out.writeText("pods.csv", w -> {
            w.write("replication,pod\n".repeat(10_000)); // more than one buffer: bytes have reached the disk
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(), names(tmp));
        assertTrue(out.written().isEmpty());
    }

    @Test
    void failedRewriteKeepsThePreviousFileWhole() throws Exception {
        OutputFolder out = new OutputFolder(tmp);
        out.writeText("summary.csv", w -> w.write("old\n"));
        assertThrows(IllegalStateException.class, () -> out.writeText("summary.csv", w -> {
            w.write("new, half");
            throw new IllegalStateException("bug while writing");
        }));
        assertEquals("old\n", Files.readString(tmp.resolve("summary.csv")));
        assertEquals(List.of("summary.csv"), names(tmp));
    }

    @Test
    void rejectsPathsThatWouldLeaveTheFolder() {
        OutputFolder out = new OutputFolder(tmp);
        assertThrows(IllegalArgumentException.class, () -> out.writeText("../x.csv", w -> { }));
        assertThrows(IllegalArgumentException.class, () -> out.writeText(".hidden", w -> { }));
    }

    @Test
    void stagedFilesAppearOnlyWhenCommitted_inTheOrderChosen() throws Exception {
        OutputFolder out = new OutputFolder(tmp);
        OutputFolder.Staged pods = out.stageText("pods.csv", w -> w.write("p\n"));
        OutputFolder.Staged nodes = out.stageText("nodes.csv", w -> w.write("n\n"));
        assertEquals(List.of(), names(tmp).stream().filter(n -> !n.startsWith(".")).toList());
        out.commit(nodes);
        out.commit(pods);
        assertEquals(List.of("nodes.csv", "pods.csv"), names(tmp));
        assertEquals(List.of(tmp.resolve("nodes.csv"), tmp.resolve("pods.csv")), out.written());
    }

    @Test
    void discardingBeforeAnyCommitRemovesTheFoldersItCreated() throws Exception {
        Path dir = tmp.resolve("out/zone-outage");
        OutputFolder out = new OutputFolder(dir);
        OutputFolder.Staged a = out.stageText("a.csv", w -> w.write("x\n"));
        assertTrue(Files.isDirectory(dir));
        out.discard(List.of(a));
        assertFalse(Files.exists(tmp.resolve("out")));
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void discardingKeepsAFolderThatExistedAndItsFiles() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        OutputFolder out = new OutputFolder(tmp);
        out.discard(List.of(out.stageText("a.csv", w -> w.write("x\n"))));
        assertEquals(List.of("notes.txt"), names(tmp));
    }
}
