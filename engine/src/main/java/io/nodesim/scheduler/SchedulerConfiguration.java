package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.nodesim.scheduler.preemption.DefaultPreemptionArgs;
import io.nodesim.scheduler.plugins.ResourceSpec;
import io.nodesim.scheduler.plugins.ScoringStrategy;
import java.util.List;
import java.util.Objects;

/**
 * One compiled KubeSchedulerConfiguration profile: the enabled Filter plugins in order, the Score
 * plugins with their weights in order, the plugin arguments nodesim models, and the version rules.
 * Built by {@link SchedulerConfigurations} from the version's defaults and the scenario's
 * {@code kubeScheduler} section.
 *
 * @param percentageOfNodesToScore 0 = adaptive (50 − N/125, at least 5)
 * @param popFromBackoffQ SchedulerPopFromBackoffQ (1.33+): an idle scheduler pops backoffQ early
 * @param podInitialBackoff podInitialBackoffSeconds in microseconds (default 1 s)
 * @param podMaxBackoff podMaxBackoffSeconds in microseconds (default 10 s)
 * @param taintInReason TaintToleration names the taint in its reason ("{key: value}"); from 1.35
 *     (PR #134740, also in 1.34 patches) the reason is the generic "node(s) had untolerated taint(s)"
 * @param sidecarHostPorts NodePorts counts the host ports of sidecar init containers
 *     ({@code restartPolicy: Always}; pkg/scheduler/util GetHostPorts, PR #132040, 1.34)
 * @param addedAffinity NodeAffinityArgs.addedAffinity, already validated, or null
 */
public record SchedulerConfiguration(
        int percentageOfNodesToScore,
        List<String> filters,
        List<WeightedPlugin> scores,
        ScoringStrategy fitStrategy,
        List<ResourceSpec> balancedResources,
        boolean spreadSystemDefaulting,
        long hardPodAffinityWeight,
        boolean balancedAllocationSkipsBestEffort,
        boolean balancedAllocationDelta,
        boolean popFromBackoffQ,
        long podInitialBackoff,
        long podMaxBackoff,
        boolean taintInReason,
        boolean sidecarHostPorts,
        NodeAffinity addedAffinity,
        DefaultPreemptionArgs preemption) {

    /** A Score plugin and its weight. */
    public record WeightedPlugin(String name, int weight) {
        public WeightedPlugin {
            Objects.requireNonNull(name, "name");
            if (weight < 1) {
                throw new IllegalArgumentException("weight of " + name + " must be >= 1, got " + weight);
            }
        }
    }

    public SchedulerConfiguration {
        if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
            throw new IllegalArgumentException("percentageOfNodesToScore must be in 0..100, got "
                    + percentageOfNodesToScore);
        }
        filters = List.copyOf(filters);
        scores = List.copyOf(scores);
        Objects.requireNonNull(fitStrategy, "fitStrategy");
        balancedResources = List.copyOf(balancedResources);
        if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) {
            throw new IllegalArgumentException("hardPodAffinityWeight must be in 0..100, got " + hardPodAffinityWeight);
        }
        if (podInitialBackoff <= 0 || podMaxBackoff < podInitialBackoff) {
            throw new IllegalArgumentException("need 0 < podInitialBackoff <= podMaxBackoff, got " + podInitialBackoff
                    + " us and " + podMaxBackoff + " us");
        }
    }

    /** This configuration with another percentage (a benchmark or sweep axis). */
    public SchedulerConfiguration withPercentageOfNodesToScore(int percentage) {
        return new SchedulerConfiguration(percentage, filters, scores, fitStrategy, balancedResources,
                spreadSystemDefaulting, hardPodAffinityWeight, balancedAllocationSkipsBestEffort,
                balancedAllocationDelta, popFromBackoffQ, podInitialBackoff, podMaxBackoff, taintInReason,
                sidecarHostPorts, addedAffinity, preemption);
    }

    /** Whether the profile runs DefaultPreemption as its PostFilter (the default profile does). */
    public boolean preempts() {
        return preemption != null;
    }

    /** One line for {@code explain}: what decides a placement. */
    public String describe() {
        StringBuilder b = new StringBuilder("filters ").append(String.join(", ", filters)).append("; scores ");
        for (int i = 0; i < scores.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(scores.get(i).name()).append('×').append(scores.get(i).weight());
        }
        return b.append("; percentageOfNodesToScore ")
                .append(percentageOfNodesToScore == 0 ? "adaptive" : Integer.toString(percentageOfNodesToScore))
                .append("; ").append(fitStrategy.type())
                .append(addedAffinity == null ? "" : "; NodeAffinity addedAffinity")
                .append(preemption == null ? "; no preemption (DefaultPreemption disabled)"
                        : preemption.equals(DefaultPreemptionArgs.DEFAULT) ? ""
                        : "; DefaultPreemption " + preemption.minCandidateNodesPercentage() + "% / "
                                + preemption.minCandidateNodesAbsolute())
                .toString();
    }

    public int weight(String plugin) {
        for (WeightedPlugin p : scores) {
            if (p.name().equals(plugin)) {
                return p.weight();
            }
        }
        return 0;
    }
}
