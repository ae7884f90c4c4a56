package io.nodesim.importer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.importer.ImportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes kubectl and the API server print, read one object at a time. */
class DumpReaderTest {
    @TempDir
    Path dir;

    private List<DumpObject> read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        List<DumpObject> out = new ArrayList<>();
        new DumpReader(f).read(out::add);
        return out;
    }

    @Test
    void multiDocumentYamlOfPlainObjectsGivesEachWithItsLine() throws Exception {
        List<DumpObject> objects = read("objs.yaml", """
                apiVersion: v1
                kind: Node
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c}]}
                ---
                """);
        assertEquals(List.of("Node", "Pod"), objects.stream().map(DumpObject::kind).toList());
        assertEquals(5, objects.get(1).line());
        assertEquals("p", objects.get(1).text("metadata.name"));
    }

    @Test
    void severalJsonValuesOneAfterTheOtherAreAllRead() throws Exception {
        List<DumpObject> objects = read("two.json", """
                {"apiVersion": "v1", "items": [{"kind": "Node", "metadata": {"name": "a"}}], "kind": "List"}
                {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "b"}}
                """);
        assertEquals(List.of("a", "b"), objects.stream().map(o -> o.text("metadata.name")).toList());
        assertEquals("items[0]", objects.get(0).path());
    }

    @Test
    void typedListItemsTakeTheListKindOrTheirShapeWhenTheKindComesLast() throws Exception {
        List<DumpObject> first = read("nodes.json", """
                {"kind": "NodeList", "apiVersion": "v1", "items": [{"metadata": {"name": "a"}}]}
                """);
        assertEquals("Node", first.get(0).kind());
        List<DumpObject> last = read("pods.json", """
                {"apiVersion": "v1", "items": [{"metadata": {"name": "p"}, "spec": {"containers": []}},
                 {"metadata": {"name": "n"}, "status": {"nodeInfo": {"kubeletVersion": "v1.30.1"}}}], "kind": "PodList"}
                """);
        assertEquals(List.of("Pod", "Node"), last.stream().map(DumpObject::kind).toList());
    }

    @Test
    void managedFieldsAndLastAppliedAreNeverKept() throws Exception {
        DumpObject pod = read("pod.json", """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p",
                  "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}", "keep": "1"},
                  "managedFields": [{"manager": "kubelet", "fieldsV1": {"f:status": {}}}]},
                 "spec": {"containers": [{"name": "c", "env": [{"name": "SECRET", "value": "x"}]}]}}
                """).get(0);
        assertFalse(pod.body().path("metadata").has("managedFields"));
        assertEquals(List.of("keep"), iterator(pod.body().path("metadata").path("annotations").fieldNames()));
        assertFalse(pod.body().path("spec").path("containers").get(0).has("env"));
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void anObjectWithoutKindOrShapeIsRefusedWithItsPosition() {
        ImportException e = assertThrows(ImportException.class, () -> read("x.json",
                "{\"apiVersion\": \"v1\", \"items\": [\n  {\"metadata\": {\"name\": \"q\"}}]}"));
        assertTrue(e.getMessage().startsWith(dir.resolve("x.json") + ":2:3: an object without kind"), e.getMessage());
    }
}
