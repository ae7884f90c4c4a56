package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joinAt} and {@code kubeletReadyAfter} of a node or pool. */
class NodeJoinLoaderTest {
    @TempDir
    Path dir;

    @Test
    void joinAt_withDefaultReadyDelay_andNever() {
        Scenario s = load(dir, edit("      zone: c\n", "      zone: c\n      joinAt: 5m\n      kubeletReadyAfter: never\n")
                .replace("      count: 4\n", "      count: 4\n      joinAt: 90s\n"));
        NodeGroup pool = s.nodes().get(0);
        NodeGroup solo = s.nodes().get(1);
        assertEquals(SimTime.seconds(90), pool.joinAt());
        assertEquals("constant(10s)", pool.kubeletReadyAfter().spec());
        assertEquals(SimTime.MINUTE * 5, solo.joinAt());
        assertNull(solo.kubeletReadyAfter());
        String explained = EffectiveSettings.of(s).stream().map(r -> r.path() + " " + r.value() + " " + r.origin())
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(explained.contains("joins at 1m30s, kubelet Ready after constant(10s)"), explained);
        assertTrue(explained.contains("joins at 5m0s, kubelet never reports"), explained);
    }

    @Test
    void nodesWithoutJoinAt_existFromTheStart() {
        Scenario s = load(dir, ScenarioFiles.BASE);
        assertFalse(s.nodes().get(0).joins());
        assertEquals(NodeGroup.BEFORE_START, s.nodes().get(1).joinAt());
    }

    @Test
    void kubeletReadyAfter_withoutJoinAt_isAnError() {
        ScenarioException e = fails(dir, edit("      zone: c\n", "      zone: c\n      kubeletReadyAfter: constant(5s)\n"));
        assertError(e, 15, 26, "nodes[1].kubeletReadyAfter", "give joinAt too");
    }

    @Test
    void kubeletReadyAfter_badValue_namesNeverAndTheDistributions() {
        ScenarioException e = fails(dir, edit("      zone: c\n",
                "      zone: c\n      joinAt: 1m\n      kubeletReadyAfter: sometimes\n"));
        assertError(e, 16, 26, "nodes[1].kubeletReadyAfter", "expected never or a distribution", "constant(x)");
    }

    @Test
    void joinAt_needsADuration() {
        ScenarioException e = fails(dir, edit("      zone: c\n", "      zone: c\n      joinAt: 5\n"));
        assertError(e, 15, 15, "nodes[1].joinAt", "a duration needs a unit");
    }
}
