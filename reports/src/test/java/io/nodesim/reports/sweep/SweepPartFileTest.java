package io.nodesim.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.experiment.Shard;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.experiment.TaskSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPartFileTest {
    private static final SweepIdentity IDENTITY = new SweepIdentity("ab".repeat(32), new SweepArguments(
            List.of("seed=3"), SweepSpec.parse(List.of("kubeControllerManager.node-monitor-grace-period=20s,40s"),
                    List.of(), 0), 2));

    @TempDir
    Path dir;

    private static SweepPart part() {
        Map<String, double[]> first = new LinkedHashMap<>();
        first.put("time_to_unknown", new double[] {0.1 + 0.2, 1e-300, 40.000001, Math.PI});
        first.put("false_evictions", new double[0]);
        first.put("metric, with \"quotes\"", new double[] {-0.0});
        return new SweepPart("scenarios/tune.yaml", "tune.yaml", IDENTITY, new Shard(1, 2), 4, List.of(
                new TaskSamples(1, 0, 1, first), new TaskSamples(3, 1, 1, Map.of())));
    }

    @Test
    void writeThenRead_givesTheVerySameSamples_andItsOwnName() throws Exception {
        Path file = SweepPartFile.write(dir, part());
        assertEquals(dir.resolve("parts/part-1-of-2.csv"), file);
        SweepPart back = SweepPartFile.read(file);
        assertEquals("scenarios/tune.yaml", back.scenarioDisplay());
        assertEquals("tune.yaml", back.scenarioKey());
        assertEquals(IDENTITY, new SweepIdentity(back.identity().scenarioSha256(), IDENTITY.arguments()));
        assertEquals(IDENTITY.arguments().tokens(), back.identity().arguments().tokens());
        assertEquals(new Shard(1, 2), back.shard());
        assertEquals(4, back.totalTasks());
        TaskSamples t = back.samples().get(0);
        assertEquals(List.of("time_to_unknown", "false_evictions", "metric, with \"quotes\""),
                List.copyOf(t.metrics().keySet()), "metric order is kept: the summaries follow it");
        for (String m : t.metrics().keySet()) {
            double[] written = part().samples().get(0).metrics().get(m);
            assertArrayEquals(Arrays.stream(written).mapToLong(Double::doubleToRawLongBits).toArray(),
                    Arrays.stream(t.metrics().get(m)).mapToLong(Double::doubleToRawLongBits).toArray(), m);
        }
        assertEquals(Map.of(), back.samples().get(1).metrics());
        assertEquals(3, back.samples().get(1).task());
    }

    @Test
    void aPartCutShort_orChanged_isRefusedWithTheReason() throws Exception {
        Path file = SweepPartFile.write(dir, part());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);

        Files.write(file, Arrays.copyOf(bytes, text.lastIndexOf("end,")));
        IllegalArgumentException noEnd = assertThrows(IllegalArgumentException.class, () -> SweepPartFile.read(file));
        assertTrue(noEnd.getMessage().startsWith("truncated"), noEnd.getMessage());

        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> SweepPartFile.read(file));
        assertTrue(cut.getMessage().startsWith("truncated"), cut.getMessage());

        Files.writeString(file, text.replace("40.000001", "40.000002"));
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class, () -> SweepPartFile.read(file));
        assertTrue(changed.getMessage().startsWith("damaged"), changed.getMessage());

        Files.writeString(file, "replication,node\n");
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> SweepPartFile.read(file));
        assertTrue(other.getMessage().startsWith("not a part"), other.getMessage());
    }
}
