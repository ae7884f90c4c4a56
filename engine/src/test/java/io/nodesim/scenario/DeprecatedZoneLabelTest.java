package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.scheduler.explain.Placement;
import io.nodesim.scheduler.explain.ScheduleRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of a kubelet before 1.17 carries only {@code failure-domain.beta.kubernetes.io/zone|region}: the labels are
 * the node's own, and its zone is read from them as {@code GetZoneKey} reads it
 * ({@code staging/src/k8s.io/component-helpers/node/topology/helpers.go}).
 */
class DeprecatedZoneLabelTest {
    private static final String DEPRECATED = "failure-domain.beta.kubernetes.io/zone";

    @TempDir
    Path dir;

    @Test
    void aNodeWithOnlyTheDeprecatedZoneLabelIsInThatZoneAndKeepsTheLabel() {
        Scenario s = load(dir, edit("      zone: c\n      labels: {disk: ssd}", "      labels: {disk: ssd, " + DEPRECATED
                + ": c, failure-domain.beta.kubernetes.io/region: r1}"));
        Topology t = Topology.of(s.nodes());
        int solo = t.indexOf("solo");
        assertEquals("c", t.zoneName(solo));
        assertEquals(List.of("a", "b", "c"), t.zones());
        assertEquals("c", t.labels(solo).get(DEPRECATED));
        assertEquals("r1", t.labels(solo).get("failure-domain.beta.kubernetes.io/region"));
        assertFalse(t.labels(solo).containsKey(WellKnownLabels.ZONE), "a 1.12 kubelet sets no GA zone label");
    }

    @Test
    void anAffinityOnTheDeprecatedLabelSelectsTheNode() {
        String text = edit("      zone: c\n      labels: {disk: ssd}", "      labels: {" + DEPRECATED + ": c}")
                .replace("containers: [{name: web", "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuring"
                        + "Execution: {nodeSelectorTerms: [{matchExpressions: [{key: " + DEPRECATED + ", operator: In, "
                        + "values: [c]}]}]}}}\n            containers: [{name: web");
        List<String> nodes = ScheduleRun.run(load(dir, text)).placements().stream().map(Placement::node).toList();
        assertEquals(List.of("solo", "solo", "solo"), nodes);
    }

    @Test
    void theSameZoneAsFieldAndDeprecatedLabelIsOneZone() {
        Topology t = Topology.of(load(dir, edit("labels: {disk: ssd}", "labels: {disk: ssd, " + DEPRECATED + ": c}"))
                .nodes());
        assertEquals("c", t.zoneName(t.indexOf("solo")));
        assertEquals("c", t.labels(t.indexOf("solo")).get(WellKnownLabels.ZONE));
        assertEquals(List.of("a", "b", "c"), t.zones());
    }

    @Test
    void aZoneFieldThatDiffersFromTheDeprecatedLabelIsAnErrorAtTheLabel() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: {disk: ssd, " + DEPRECATED + ": d}")), 15, 27,
                "nodes[1].labels." + DEPRECATED, "\"d\" differs from zone \"c\"", "GetZoneKey");
        assertError(fails(dir, BASE.replace("zones: [a, b]", "zones: [a, b]\n      labels: {" + DEPRECATED + ": a}")),
                13, 16, "nodes[0].labels." + DEPRECATED, "\"a\" differs from zones \"b\"");
        assertError(fails(dir, edit("labels: {disk: ssd}", "region: r1\n      labels: {failure-domain.beta.kubernetes.io/"
                + "region: r2}")), 16, 16, "nodes[1].labels.failure-domain.beta.kubernetes.io/region",
                "\"r2\" differs from region \"r1\"");
    }
}
