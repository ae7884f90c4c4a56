package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scheduler.SchedulerConfiguration.WeightedPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerConfigurationsTest {
    private static final KubernetesVersion V135 = KubernetesVersion.parse("1.35");

    private static SchedulerConfiguration compile(Map<String, Object> body) {
        return SchedulerConfigurations.compile(body, V135, TestCluster.V135, "s.yaml");
    }

    private static Map<String, Object> plugins(Map<String, Object> plugins) {
        return Map.of("profiles", List.of(Map.of("plugins", plugins)));
    }

    @Test
    void defaults_v135_weightsAndOrder() {
        SchedulerConfiguration c = compile(Map.of());
        assertEquals(List.of(new WeightedPlugin("TaintToleration", 3), new WeightedPlugin("NodeAffinity", 2),
                new WeightedPlugin("NodeResourcesFit", 1), new WeightedPlugin("PodTopologySpread", 2),
                new WeightedPlugin("InterPodAffinity", 2), new WeightedPlugin("NodeResourcesBalancedAllocation", 1),
                new WeightedPlugin("ImageLocality", 1)), c.scores());
        assertEquals(0, c.percentageOfNodesToScore());
        assertEquals(1_000_000, c.podInitialBackoff());
        assertEquals(10_000_000, c.podMaxBackoff());
    }

    @Test
    void defaults_before123_useTheOldWeights() {
        SchedulerConfiguration c = SchedulerConfigurations.compile(Map.of(), KubernetesVersion.parse("1.22"),
                TestCluster.V135, null);
        assertEquals(1, c.weight("TaintToleration"));
        assertEquals(1, c.weight("InterPodAffinity"));
        assertEquals(2, c.weight("PodTopologySpread"));
    }

    @Test
    void multiPointDisableAll_thenEnableOne() {
        SchedulerConfiguration c = compile(plugins(Map.of("multiPoint", Map.of(
                "disabled", List.of(Map.of("name", "*")),
                "enabled", List.of(Map.of("name", "NodeResourcesFit", "weight", 5))))));
        assertEquals(List.of(new WeightedPlugin("NodeResourcesFit", 5)), c.scores());
        assertEquals(List.of("NodeResourcesFit"), c.filters());
    }

    @Test
    void scoreEnabled_overridesTheWeight_andScoreDisabled_keepsTheFilter() {
        SchedulerConfiguration c = compile(plugins(Map.of("score", Map.of(
                "enabled", List.of(Map.of("name", "TaintToleration", "weight", 10)),
                "disabled", List.of(Map.of("name", "ImageLocality"), Map.of("name", "NodeAffinity"))))));
        assertEquals(10, c.weight("TaintToleration"));
        assertEquals(0, c.weight("ImageLocality"));
        assertTrue(c.filters().contains("NodeAffinity"));
        assertEquals(5, c.scores().size());
    }

    @Test
    void profilePercentage_overridesTheGlobalOne() {
        SchedulerConfiguration c = compile(Map.of("percentageOfNodesToScore", 30,
                "profiles", List.of(Map.of("percentageOfNodesToScore", 60))));
        assertEquals(60, c.percentageOfNodesToScore());
    }

    @Test
    void errors_namePathAndSuggestion() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> compile(Map.of("percentageOfNodesToScor", 10)));
        assertEquals("kubeScheduler.percentageOfNodesToScor", e.path());
        assertTrue(e.problem().contains("did you mean \"percentageOfNodesToScore\""), e.problem());

        e = assertThrows(ScenarioException.class, () -> compile(plugins(Map.of("scores", Map.of()))));
        assertEquals("kubeScheduler.profiles[0].plugins.scores", e.path());

        e = assertThrows(ScenarioException.class, () -> compile(plugins(Map.of("filter", Map.of(
                "enabled", List.of(Map.of("name", "ImageLocality")))))));
        assertEquals("ImageLocality is not a filter plugin", e.problem());

        e = assertThrows(ScenarioException.class, () -> compile(Map.of("profiles", List.of(Map.of("pluginConfig",
                List.of(Map.of("name", "NodeResourcesFit", "args", Map.of("scoringStrategy",
                        Map.of("type", "LeastRequested")))))))));
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].args.scoringStrategy", e.path());
        assertTrue(e.getMessage().startsWith("s.yaml: kubeScheduler.profiles[0]"), e.getMessage());
    }
}
