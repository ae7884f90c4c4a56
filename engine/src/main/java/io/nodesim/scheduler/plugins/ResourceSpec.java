package io.nodesim.scheduler.plugins;

import java.util.List;
import java.util.Objects;

/** A resource a scoring strategy looks at, with its weight ({@code config.ResourceSpec}). */
public record ResourceSpec(String name, long weight) {
    public static final List<ResourceSpec> CPU_MEMORY = List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1));

    public ResourceSpec {
        Objects.requireNonNull(name, "name");
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("resource weight must be in 1..100, got " + weight);
        }
    }
}
