package io.nodesim.scenario.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.nodesim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI prepares the reader on a background thread while it parses its arguments: a prepared reader
 * must bind the same objects and refuse the same typos, at the same place, as one that builds its
 * caches as it reads.
 */
class ManifestReaderPrepareTest {
    @TempDir
    Path dir;

    @Test
    void aPreparedReaderBindsAndRefusesAsItWouldCold() throws Exception {
        ManifestReader.prepare(List.of(Deployment.class, DaemonSet.class, StatefulSet.class));
        YNode good = manifest("containers: [{name: c, image: nginx}]");
        Deployment d = ManifestReader.read(good, Deployment.class, "workloads[0]");
        assertEquals(3, d.getSpec().getReplicas());
        assertEquals("nginx", d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        YNode typo = manifest("containers: [{name: c, imag: nginx}]");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ManifestReader.read(typo, Deployment.class, "workloads[0]"));
        assertTrue(e.getMessage().contains(":8:") && e.getMessage().contains("did you mean \"image\"?"), e.getMessage());
    }

    private YNode manifest(String containers) throws Exception {
        Path f = dir.resolve("d.yaml");
        Files.writeString(f, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n"
                + "  template:\n    spec:\n      " + containers + "\n");
        return YamlReader.readFile(f, "d.yaml", null, null).get(0);
    }
}
