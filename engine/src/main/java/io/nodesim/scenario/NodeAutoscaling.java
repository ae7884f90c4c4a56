package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import java.util.Objects;

/**
 * A pool's {@code autoscaling}: the node group's size limits as cluster-autoscaler reads them from
 * the cloud provider ({@code cloudprovider.NodeGroup} {@code MinSize} / {@code MaxSize}), and how
 * long the cloud takes from {@code IncreaseSize} to the new machine's kubelet registering its Node.
 */
public record NodeAutoscaling(int min, int max, DurationDistribution provisionDelay) {
    public NodeAutoscaling {
        Objects.requireNonNull(provisionDelay, "provisionDelay");
        if (min < 0 || max < 1 || min > max) {
            throw new IllegalArgumentException("autoscaling needs 0 <= min <= max and max >= 1, got min " + min
                    + ", max " + max);
        }
    }
}
