package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void taskBelongsToShardTaskModN_andTheCountsAddUp() {
        Shard s = Shard.parse("2/3");
        assertTrue(s.holds(2) && s.holds(5) && s.holds(8));
        assertFalse(s.holds(0) || s.holds(3) || s.holds(7));
        for (int tasks = 0; tasks < 12; tasks++) {
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                Shard shard = new Shard(i, 5);
                int n = 0;
                for (int t = 0; t < tasks; t++) {
                    n += shard.holds(t) ? 1 : 0;
                }
                assertEquals(n, shard.taskCount(tasks), shard + " of " + tasks);
                sum += n;
            }
            assertEquals(tasks, sum);
        }
    }

    @Test
    void parse_refusesWhatIsNotIOfN() {
        for (String bad : List.of("3/3", "-1/3", "1", "a/b", "1/0", "1/2/3")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @Test
    void sweepArguments_tokensReadBack() {
        SweepArguments a = new SweepArguments(List.of("seed=3", "duration=5m"),
                SweepSpec.parse(List.of("x=1,2"), List.of("y=0.1..0.5"), 4), 7);
        assertEquals(List.of("--set", "seed=3", "--set", "duration=5m", "--vary", "x=1,2", "--lhs", "y=0.1..0.5",
                "--samples", "4", "--replications", "7"), a.tokens());
        assertEquals(a.tokens(), SweepArguments.parse(a.tokens()).tokens());
    }
}
