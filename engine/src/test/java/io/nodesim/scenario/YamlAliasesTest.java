package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anchors, aliases and {@code <<} merge keys resolve as YAML defines them, with positions kept. */
class YamlAliasesTest {
    @TempDir
    Path dir;

    private static Map<String, Quantity> allocatable(NodeGroup g) {
        return g.template().getStatus().getAllocatable();
    }

    @Test
    void anAliasOfAllocatable_givesTheAnchoredMapping() {
        Scenario s = load(dir, edit("zones: [a, b]", "zones: [a, b]\n      allocatable: &big {cpu: \"16\", memory: 64Gi}")
                .replace("zone: c", "zone: c\n      allocatable: *big"));
        assertEquals(new Quantity("16"), allocatable(s.nodes().get(1)).get("cpu"));
        assertEquals(new Quantity("64Gi"), allocatable(s.nodes().get(1)).get("memory"));
        assertEquals(allocatable(s.nodes().get(0)), allocatable(s.nodes().get(1)));
    }

    @Test
    void aMergeKey_takesTheAnchoredKeys_andAnExplicitKeyOverridesThem() {
        Scenario s = load(dir, edit("zones: [a, b]", "zones: [a, b]\n      allocatable: &base {cpu: \"4\", memory: 16Gi}")
                .replace("zone: c", "zone: c\n      allocatable:\n        cpu: \"8\"\n        <<: *base"));
        assertEquals(new Quantity("8"), allocatable(s.nodes().get(1)).get("cpu"), "the explicit key wins");
        assertEquals(new Quantity("16Gi"), allocatable(s.nodes().get(1)).get("memory"), "merged from the anchor");
        assertEquals(new Quantity("4"), allocatable(s.nodes().get(0)).get("cpu"), "the anchor itself is unchanged");
    }

    @Test
    void anAliasInsideAWorkloadManifest_reachesTheFabric8Object() {
        Scenario s = load(dir, edit("metadata: {labels: {app: web}}", "metadata: {labels: &labels {app: web}}")
                .replace("  faults:", "    - apiVersion: v1\n"
                        + "      kind: Pod\n"
                        + "      metadata: {name: solo-pod, labels: *labels}\n"
                        + "      spec:\n"
                        + "        <<: {containers: [{name: c, image: busybox}], terminationGracePeriodSeconds: 1}\n"
                        + "        terminationGracePeriodSeconds: 7\n"
                        + "  faults:"));
        WorkloadSpec pod = s.workloads().get(1);
        assertEquals(Map.of("app", "web"), pod.template().getMetadata().getLabels());
        assertEquals("busybox", pod.template().getSpec().getContainers().get(0).getImage());
        assertEquals(7L, pod.template().getSpec().getTerminationGracePeriodSeconds(),
                "the explicit key overrides the merged one");
    }

    @Test
    void anUndefinedAlias_isAnErrorAtItsPosition() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: *nowhere")), 15, 15, "",
                "not valid YAML", "undefined alias nowhere");
    }

    @Test
    void aMergeOfScalars_isAnErrorAtTheScalar() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: {<<: [a, b]}")), 15, 21, "",
                "a << merge key takes a mapping or a list of mappings");
    }

    @Test
    void severalMergedMappings_theFirstWins() {
        Scenario s = load(dir, edit("labels: {disk: ssd}",
                "labels: {<<: [&one {disk: ssd, rack: r1}, {disk: hdd, row: b}], row: a}"));
        assertEquals(Map.of("disk", "ssd", "rack", "r1", "row", "a"), s.nodes().get(1).template().getMetadata().getLabels()
                .entrySet().stream().filter(e -> !e.getKey().contains("/"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void aMappingThatMergesItself_isARecursiveAlias() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: &self {disk: ssd, <<: *self}")), 15, 15, "",
                "recursive alias");
    }

    @Test
    void aRecursiveAlias_isAnError() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: &self {disk: [*self]}")), 15, 15, "",
                "recursive alias");
    }

    @Test
    void billionLaughs_stopAtTheExpansionBound() {
        StringBuilder laughs = new StringBuilder("  x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("  x").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                laughs.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            laughs.append("]\n");
        }
        String text = "apiVersion: nodesim.io/v1alpha1\nkind: Scenario\nmetadata:\n" + laughs;
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fails(dir, text));
        assertTrue(e.line() > 0 && e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("expand to more than"), e.getMessage());
    }

    @Test
    void tooManyCollectionAliases_areRefusedByTheComposer() {
        StringBuilder text = new StringBuilder("a: &a [1]\nb: [");
        for (int i = 0; i < 1_100; i++) {
            text.append(i == 0 ? "" : ", ").append("*a");
        }
        ScenarioException e = fails(dir, text.append("]\n").toString());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }
}
