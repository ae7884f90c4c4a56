package io.nodesim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import org.junit.jupiter.api.Test;

class PodTableCapacityTest {
    @Test
    void aSideArrayGrownForTheFirstReplacementHoldsAnEighthMore() {
        // 200,000 pods at t = 0: the first replacement is index 225,000 (the table's own headroom)
        int length = PodTable.capacityFor(225_000, 16);
        assertEquals(253_126, length); // the index, one, and an eighth of the index
        assertTrue(PodTable.capacityFor(0, 16) > 0);
        assertEquals(32, PodTable.capacityFor(16, 16), "small arrays double");
        for (int pod = 0; pod < 100_000; pod += 997) {
            assertTrue(PodTable.capacityFor(pod, 4) > pod, "index " + pod + " fits");
        }
    }

    @Test
    void theTableGrowsPastItsHeadroomWithoutLosingRows() {
        PodTable table = new PodTable(16, 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, table.addPending("p" + i, 0, SimTime.NEVER));
        }
        assertEquals(100, table.count());
        for (int i = 0; i < 100; i++) {
            assertEquals("p" + i, table.name(i));
        }
    }
}
