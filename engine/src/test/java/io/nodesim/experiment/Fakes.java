package io.nodesim.experiment;

import io.nodesim.kernel.RandomStreams;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Stand-ins for the scenario loader and the cluster simulation, with statistics known in closed form.
 * The fake factory records a point's overrides in the scenario's description, where the fake runner
 * reads them back: {@code mean=S} sets the mean of the exponential samples (seconds).
 */
final class Fakes {
    static final VersionProfile PROFILE = new VersionProfile("1.34+", true, true, true, false, false, true);

    private Fakes() {
    }

    static Scenario scenario(long seed, int replications, String description) {
        KubernetesVersion v = KubernetesVersion.parse("1.35");
        return Scenario.builder("fake", v, PROFILE, SchedulerConfigurations.defaults(v, PROFILE))
                .description(description).seed(seed).replications(replications).duration(3_600_000_000L).build();
    }

    static ScenarioFactory factory(long seed, int replications) {
        return overrides -> scenario(seed, replications, String.join(";", overrides));
    }

    /** The value of {@code key} among the overrides recorded in the description, or {@code fallback}. */
    static double setting(Scenario s, String key, double fallback) {
        for (String o : s.description().split(";")) {
            if (o.startsWith(key + "=")) {
                return Double.parseDouble(o.substring(key.length() + 1));
            }
        }
        return fallback;
    }

    /**
     * {@code samples} exponential samples of mean {@code mean=} (default 10 s) as metric "recovery",
     * and their maximum as metric "longest": a pure function of (seed, replication, settings).
     */
    static ReplicationRunner exponential(int samples) {
        return (s, r) -> {
            RandomGenerator rng = new RandomStreams(s.seed(), r).stream("fake");
            double mean = setting(s, "mean", 10);
            double[] x = new double[samples];
            for (int i = 0; i < samples; i++) {
                x[i] = -mean * Math.log(1 - rng.nextDouble());
            }
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("recovery", x);
            m.put("longest", new double[] {Arrays.stream(x).max().orElse(0)});
            return result(r, m);
        };
    }

    static RunResult result(int replication, String metric, double... samples) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(metric, samples);
        return new RunResult(replication, List.of(), List.of(), List.of(), List.of(), m, samples.length);
    }

    static RunResult result(int replication, Map<String, double[]> metrics) {
        return new RunResult(replication, List.of(), List.of(), List.of(), List.of(), metrics, 0);
    }
}
