package io.nodesim.experiment;

import java.util.Objects;
import java.util.Optional;

/**
 * What makes two runs parts of the same experiment: the scenario's content hash and the sweep's
 * arguments. A resumed sweep continues, and a merge combines shards, only when they are equal:
 * otherwise one sweep.csv would mix two experiments.
 *
 * @param scenarioSha256 {@link io.nodesim.scenario.ScenarioContent#sha256} of the swept scenario
 */
public record SweepIdentity(String scenarioSha256, SweepArguments arguments) {
    public SweepIdentity {
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * Why {@code other} (recorded in {@code where}) is not this sweep, in words; empty when it is.
     * The scenario is named first: a changed scenario explains changed arguments too.
     */
    public Optional<String> mismatch(SweepIdentity other, String where) {
        if (!scenarioSha256.equals(other.scenarioSha256)) {
            return Optional.of(where + " was written for a scenario of other content (sha256 "
                    + other.scenarioSha256 + ", this one's is " + scenarioSha256
                    + "): the scenario file or a file it names changed since");
        }
        if (!arguments.tokens().equals(other.arguments.tokens())) {
            return Optional.of(where + " was written with the sweep arguments \"" + other.arguments
                    + "\", these are \"" + arguments + "\"");
        }
        return Optional.empty();
    }
}
