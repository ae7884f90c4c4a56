package io.nodesim.experiment;

import io.nodesim.scenario.Scenario;
import java.util.List;

/**
 * Builds the scenario of one sweep point: the base scenario with {@code PATH=VALUE} overrides applied
 * (PATH relative to {@code spec}, as {@code --set} takes them). Throws
 * {@link io.nodesim.scenario.ScenarioException} for a value the scenario rejects.
 */
@FunctionalInterface
public interface ScenarioFactory {
    Scenario create(List<String> overrides);
}
