package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import java.util.Map;
import java.util.Objects;

/** Pod start-up model (image pull, container start) per workload name, else {@code defaults}. */
public record StartupConfig(Model defaults, Map<String, Model> byWorkload) {
    public StartupConfig {
        Objects.requireNonNull(defaults, "defaults");
        byWorkload = Map.copyOf(byWorkload);
    }

    public Model forWorkload(String workload) {
        return byWorkload.getOrDefault(workload, defaults);
    }

    public record Model(DurationDistribution imagePull, DurationDistribution containerStart) {
        public Model {
            Objects.requireNonNull(imagePull, "imagePull");
            Objects.requireNonNull(containerStart, "containerStart");
        }
    }
}
