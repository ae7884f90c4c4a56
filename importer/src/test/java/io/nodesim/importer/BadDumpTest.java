package io.nodesim.importer;

import io.nodesim.importer.anonymize.Names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad dumps: one message with the file and position, and nothing written. */
class BadDumpTest {
    @TempDir
    Path tmp;

    private String importFails(Path... dumps) {
        Path out = tmp.resolve("out");
        ImportException e = assertThrows(ImportException.class, () -> Importer.run(new Importer.Options(List.of(dumps),
                Set.of(), Set.of(), out), Names.identity()));
        assertFalse(Files.exists(out), "nothing written");
        return e.getMessage();
    }

    @Test
    void truncatedJsonNamesTheFileLineAndColumnWhereItEnds() throws Exception {
        String full = Files.readString(Samples.dir().resolve("honeycomb-raw-lists/nodes.json"));
        Path cut = tmp.resolve("nodes.json");
        String head = full.substring(0, 2000);
        Files.writeString(cut, head);
        String message = importFails(cut);
        int lines = (int) head.lines().count();
        assertTrue(message.startsWith(cut + ":" + lines + ":"), message);
        assertTrue(message.contains("not valid JSON or YAML"), message);
    }

    @Test
    void textThatIsNeitherJsonNorAnObjectIsRefusedWithItsPosition() throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "These are my notes about the cluster.\n");
        String message = importFails(text);
        assertEquals(text + ":1:1: not a Kubernetes object or List (a text); expected what `kubectl get ... -o json` "
                + "or `-o yaml` prints", message);
    }

    @Test
    void brokenYamlNamesItsLine() throws Exception {
        Path yaml = tmp.resolve("pods.yaml");
        Files.writeString(yaml, "apiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: [a\nkind: List\n");
        String message = importFails(yaml);
        assertTrue(message.startsWith(yaml + ":"), message);
        assertTrue(message.matches(".*pods\\.yaml:\\d+:\\d+: not valid JSON or YAML.*"), message);
    }

    @Test
    void aDumpWithoutNodesIsRefused() throws Exception {
        Path pods = tmp.resolve("pods.json");
        Files.writeString(pods, "{\"apiVersion\":\"v1\",\"items\":[],\"kind\":\"List\",\"metadata\":{}}");
        assertTrue(importFails(pods).contains("no Node objects"));
    }
}
