package io.nodesim.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered fault type keeps (as JCTools' QueueSanityTest runs over every
 * queue): it describes itself, loads from a scenario file with positioned errors, and on a small
 * cluster leaves the invariants intact after it starts and after it ends, deterministically.
 */
class FaultContractTest {
    private static final long AT = 2 * SimTime.MINUTE;
    private static final long DURATION = 3 * SimTime.MINUTE;
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata:
              name: contract
            spec:
              kubernetesVersion: "1.35"
              duration: 15m
              nodes:
                - pool: w
                  count: 4
                  zones: [a, b]
                - name: solo
                  zone: c
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: 6
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec:
                        containers: [{name: web, image: nginx, resources: {requests: {cpu: 500m}}}]
              faults:
            """;

    @TempDir
    Path dir;

    static Stream<FaultType> faults() {
        return FaultTypes.ALL.stream();
    }

    /** The YAML entry of a fault of this type with every field it declares (and a duration unless instant). */
    private static String entry(FaultType t, boolean withDuration, String leaveOut) {
        StringBuilder b = new StringBuilder("    - type: ").append(t.name()).append("\n      at: 2m\n");
        if (withDuration) {
            b.append("      duration: 3m\n");
        }
        switch (t.targeting()) {
            case ZONE -> b.append("      zone: a\n");
            case NODES -> b.append("      nodes: [w-1]\n");
            case NODES_OR_ALL -> b.append("      count: 2\n");
            default -> {
            }
        }
        for (FaultField f : t.fields()) {
            if (!f.name().equals(leaveOut)) {
                String value = switch (f.kind()) {
                    case DISTRIBUTION -> "constant(20s)";
                    case DURATION -> "20s";
                    case CHOICE -> f.choices().get(f.choices().size() - 1);
                };
                b.append("      ").append(f.name()).append(": ").append(value).append('\n');
            }
        }
        return b.toString();
    }

    private Scenario load(String faultEntry) {
        try {
            Path file = dir.resolve("s.yaml");
            Files.writeString(file, SCENARIO + faultEntry);
            return ScenarioLoader.load(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Scenario scenario(FaultType t) {
        return load(entry(t, !t.instant(), null));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void describesItself_inOneLine_underAUniqueName(FaultType t) {
        assertFalse(t.description().isBlank());
        assertFalse(t.description().contains("\n"));
        assertSame(t, FaultTypes.named(t.name()));
        assertEquals(List.of("type", "at"), t.allowedFields().subList(0, 2));
        assertEquals(!t.instant(), t.allowedFields().contains("duration"), "instant types take no duration");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void loadsFromAScenarioFile_andItsSpecDescribesWhatWasLoaded(FaultType t) {
        FaultSpec spec = scenario(t).faults().get(0);
        assertEquals(t.name(), spec.type());
        assertEquals(AT, spec.at());
        assertEquals(t.instant() ? SimTime.NEVER : DURATION, spec.duration());
        String line = spec.describe();
        assertTrue(line.startsWith(t.name() + " at 2m0s" + (t.instant() ? ", permanent" : " for 3m0s")), line);
        for (FaultField f : t.fields()) {
            assertTrue(line.contains(", " + f.name() + " "), line);
        }
        assertEquals(spec.describe(), load(entry(t, !t.instant(), null)).faults().get(0).describe(), "loads the same twice");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aDurationIsAnError_exactlyForInstantTypes(FaultType t) {
        if (t.instant()) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> load(entry(t, true, null)));
            assertEquals("faults[0].duration", e.path());
            assertTrue(e.line() > 0);
        } else {
            assertTrue(load(entry(t, false, null)).faults().get(0).permanent());
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aRequiredFieldLeftOut_isAnErrorNamingIt(FaultType t) {
        for (FaultField f : t.fields()) {
            if (f.required()) {
                ScenarioException e = assertThrows(ScenarioException.class, () -> load(entry(t, !t.instant(), f.name())));
                assertEquals("faults[0]." + f.name(), e.path());
                assertTrue(e.getMessage().contains(f.hint()), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void theInvariantsHold_afterItStarts_afterItEnds_andAtTheEnd(FaultType t) {
        ClusterSimulation sim = new ClusterSimulation(scenario(t), 0, true);
        sim.simulation().runUntil(AT + SimTime.SECOND);
        sim.simulation().runUntil(AT + DURATION + 2 * SimTime.MINUTE);
        sim.run();
        assertEquals(15 * SimTime.MINUTE, sim.simulation().now(), "the run reached its end past its checks");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void theRunIsDeterministic(FaultType t) {
        Scenario s = scenario(t);
        RunResult a = ClusterSimulation.run(s, 1, true);
        RunResult b = ClusterSimulation.run(s, 1, true);
        assertEquals(a.events(), b.events());
        assertEquals(a.nodes(), b.nodes());
        assertEquals(a.pods(), b.pods());
        a.metrics().forEach((k, v) -> assertArrayEquals(v, b.metrics().get(k), k));
    }

    /** The README's fault table (docs) says what the registry says: one description, written once. */
    @Test
    void theReadmeFaultTable_listsEveryType_withItsDescription() throws IOException {
        Map<String, String> rows = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `(\\w+)` \\| [^|]* \\| (.*) \\|$").matcher(Files.readString(Path.of("../README.md")));
        while (m.find()) {
            rows.put(m.group(1), m.group(2).replace("`", ""));
        }
        for (FaultType t : FaultTypes.ALL) {
            assertEquals(t.description(), rows.get(t.name()), t.name());
        }
    }
}
