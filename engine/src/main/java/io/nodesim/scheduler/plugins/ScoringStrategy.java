package io.nodesim.scheduler.plugins;

import java.util.List;
import java.util.Objects;

/**
 * NodeResourcesFitArgs.scoringStrategy: LeastAllocated (default), MostAllocated or
 * RequestedToCapacityRatio with its utilisation shape (points with score 0..10).
 */
public record ScoringStrategy(String type, List<ResourceSpec> resources, List<ShapePoint> shape) {
    public static final List<String> TYPES = List.of("LeastAllocated", "MostAllocated", "RequestedToCapacityRatio");
    public static final ScoringStrategy DEFAULT = new ScoringStrategy("LeastAllocated", ResourceSpec.CPU_MEMORY, List.of());

    /** One point of the RequestedToCapacityRatio shape: utilisation 0..100, score 0..10. */
    public record ShapePoint(int utilization, int score) {
        public ShapePoint {
            if (utilization < 0 || utilization > 100) {
                throw new IllegalArgumentException("utilization must be in 0..100, got " + utilization);
            }
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("score must be in 0..10, got " + score);
            }
        }
    }

    public ScoringStrategy {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("scoring strategy type must be LeastAllocated, MostAllocated or "
                    + "RequestedToCapacityRatio, got \"" + type + "\"");
        }
        resources = List.copyOf(resources);
        shape = List.copyOf(shape);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("scoring strategy needs at least one resource");
        }
        if ("RequestedToCapacityRatio".equals(type)) {
            if (shape.isEmpty()) {
                throw new IllegalArgumentException("RequestedToCapacityRatio needs a shape");
            }
            for (int i = 1; i < shape.size(); i++) {
                if (shape.get(i).utilization() <= shape.get(i - 1).utilization()) {
                    throw new IllegalArgumentException("shape utilizations must be strictly increasing");
                }
            }
        }
    }
}
