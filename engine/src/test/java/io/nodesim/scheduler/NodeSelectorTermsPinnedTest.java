package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A DaemonSet pod's pin, built directly, is the term the DaemonSet controller writes, compiled. */
class NodeSelectorTermsPinnedTest {
    @Test
    void pinnedToMatchesAndPinsAsTheCompiledMatchFieldsTerm() {
        TestCluster c = new TestCluster();
        for (String name : List.of("a-1", "a-2", "b-1")) {
            c.add(name, 1000, 1024);
        }
        NodeSelectorTerms compiled = NodeSelectorTerms.of(List.of(new NodeSelectorTermBuilder().addNewMatchField()
                .withKey("metadata.name").withOperator("In").withValues("a-2").endMatchField().build()),
                c.nodes.symbols());
        NodeSelectorTerms direct = NodeSelectorTerms.pinnedTo("a-2");
        assertEquals(compiled.pinnedNames(), direct.pinnedNames());
        assertEquals(Set.of("a-2"), direct.pinnedNames());
        assertEquals(compiled.parseErrors(), direct.parseErrors());
        for (int node = 0; node < 3; node++) {
            assertEquals(compiled.matches(c.nodes, node), direct.matches(c.nodes, node), c.nodes.name(node));
        }
        assertTrue(direct.matches(c.nodes, c.nodes.indexOf("a-2")));
    }
}
