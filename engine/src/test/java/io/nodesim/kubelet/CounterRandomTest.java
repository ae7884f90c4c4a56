package io.nodesim.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterRandomTest {

    @Test
    void aGaussianDrawAfterAReset_doesNotDependOnWhatWasDrawnBefore() {
        CounterRandom fresh = new CounterRandom(42);
        double first = fresh.reset(7, 3, 0, 1).nextGaussian();
        double second = fresh.nextGaussian();

        CounterRandom used = new CounterRandom(42);
        // One Gaussian from another heartbeat's key leaves the second deviate of its pair behind.
        used.reset(6, 3, 0, 1).nextGaussian();
        assertEquals(first, used.reset(7, 3, 0, 1).nextGaussian());
        assertEquals(second, used.nextGaussian());
    }
}
