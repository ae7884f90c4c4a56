package io.nodesim.testing;

import io.nodesim.kernel.DurationDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution that draws exactly what {@code drawn} draws but declares no bounds, so nothing
 * that relies on bounds applies (quiet nodes passed over, renewals skimmed): runs with and without
 * those shortcuts can be compared draw for draw.
 */
public record UnboundedDistribution(DurationDistribution drawn) implements DurationDistribution {
    @Override
    public long sample(RandomGenerator rng) {
        return drawn.sample(rng);
    }

    @Override
    public double mean() {
        return drawn.mean();
    }

    @Override
    public String spec() {
        return drawn.spec();
    }
}
