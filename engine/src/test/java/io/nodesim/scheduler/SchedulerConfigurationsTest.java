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
        return ConfigTree.compile(body, V135, TestCluster.V135);
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

    /** pkg/scheduler/apis/config/v1/defaults.go SetDefaults_DefaultPreemptionArgs: 10 % and 100. */
    @Test
    void defaultPreemption_onByDefault_withUpstreamArgs() {
        SchedulerConfiguration c = compile(Map.of());
        assertTrue(c.preempts());
        assertEquals(new io.nodesim.scheduler.preemption.DefaultPreemptionArgs(10, 100), c.preemption());
    }

    @Test
    void defaultPreemption_argsReadFromPluginConfig() {
        SchedulerConfiguration c = compile(Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "DefaultPreemption", "args", Map.of("minCandidateNodesPercentage", 50)))))));
        assertEquals(new io.nodesim.scheduler.preemption.DefaultPreemptionArgs(50, 100), c.preemption());
    }

    /** validation_pluginargs.go ValidateDefaultPreemptionArgs: both zero is refused. */
    @Test
    void defaultPreemption_bothZeroRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> compile(Map.of("profiles", List.of(Map.of(
                "pluginConfig", List.of(Map.of("name", "DefaultPreemption", "args", Map.of(
                        "minCandidateNodesPercentage", 0, "minCandidateNodesAbsolute", 0))))))));
        assertTrue(e.getMessage().contains("cannot both be zero"), e.getMessage());
    }

    @Test
    void defaultPreemption_disabledAtPostFilterOrByStar_thenReenabled() {
        assertTrue(!compile(plugins(Map.of("postFilter", Map.of("disabled", List.of(Map.of("name",
                "DefaultPreemption")))))).preempts());
        assertTrue(!compile(plugins(Map.of("multiPoint", Map.of("disabled", List.of(Map.of("name", "*")))))).preempts());
        assertTrue(compile(plugins(Map.of("multiPoint", Map.of("disabled", List.of(Map.of("name", "*")),
                "enabled", List.of(Map.of("name", "DefaultPreemption")))))).preempts());
    }

    @Test
    void defaults_before123_useTheOldWeights() {
        SchedulerConfiguration c = SchedulerConfigurations.defaults(KubernetesVersion.parse("1.22"),
                TestCluster.V135);
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
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].args.scoringStrategy.type", e.path());
        assertTrue(e.problem().contains("allowed: LeastAllocated, MostAllocated, RequestedToCapacityRatio"), e.problem());
        assertTrue(e.getMessage().startsWith("s.yaml:1:1: kubeScheduler.profiles[0]"), e.getMessage());
    }

    private static ScenarioException error(Map<String, Object> body) {
        return assertThrows(ScenarioException.class, () -> compile(body));
    }

    @Test
    void unknownPlugin_atAnyExtensionPoint_namesThePathAndTheClosestName() {
        for (String point : List.of("multiPoint", "filter", "score", "preFilter", "queueSort", "bind")) {
            ScenarioException e = error(plugins(Map.of(point, Map.of("enabled", List.of(Map.of("name", "NodeResourceFit"))))));
            assertEquals("kubeScheduler.profiles[0].plugins." + point + ".enabled[0].name", e.path());
            assertTrue(e.problem().startsWith("unknown plugin \"NodeResourceFit\"; did you mean \"NodeResourcesFit\"?"),
                    e.problem());
            assertTrue(e.problem().contains("known plugins: NodeUnschedulable, NodeName"), e.problem());
        }
    }

    @Test
    void unknownPluginInDisabledAndPluginConfig_isAnError() {
        assertEquals("kubeScheduler.profiles[0].plugins.score.disabled[0].name",
                error(plugins(Map.of("score", Map.of("disabled", List.of(Map.of("name", "ImageLocalty"))))))
                        .path());
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].name", error(Map.of("profiles", List.of(Map.of(
                "pluginConfig", List.of(Map.of("name", "InterPodAfinity", "args", Map.of())))))).path());
    }

    @Test
    void pluginAtAPointItDoesNotExtend_isAnError() {
        ScenarioException e = error(plugins(Map.of("queueSort", Map.of("enabled", List.of(Map.of("name", "ImageLocality"))))));
        assertEquals("ImageLocality is not a queueSort plugin", e.problem());
    }

    @Test
    void entryShape_weightRange_duplicates_andArgsAreChecked() {
        assertEquals("kubeScheduler.profiles[0].plugins.score.enabled[0].wieght", error(plugins(Map.of("score",
                Map.of("enabled", List.of(Map.of("name", "ImageLocality", "wieght", 2)))))).path());
        assertEquals("kubeScheduler.profiles[0].plugins.score.enabled[0].weight", error(plugins(Map.of("score",
                Map.of("enabled", List.of(Map.of("name", "ImageLocality", "weight", 101)))))).path());
        assertEquals("ImageLocality is enabled twice at score", error(plugins(Map.of("score", Map.of("enabled",
                List.of(Map.of("name", "ImageLocality"), Map.of("name", "ImageLocality")))))).problem());
        assertEquals("repeated config for plugin ImageLocality", error(Map.of("profiles", List.of(Map.of(
                "pluginConfig", List.of(Map.of("name", "ImageLocality"), Map.of("name", "ImageLocality")))))).problem());
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].args.hardPodAffinityWeigh", error(Map.of("profiles",
                List.of(Map.of("pluginConfig", List.of(Map.of("name", "InterPodAffinity",
                        "args", Map.of("hardPodAffinityWeigh", 3))))))).path());
        assertEquals("kubeScheduler.profiles[1]", error(Map.of("profiles", List.of(Map.of(), Map.of()))).path());
        assertEquals("kubeScheduler.apiVersion", error(Map.of("apiVersion", "v1")).path());
    }

    @Test
    void preScoreDisabledAlone_isRejected_butWithScoreItIsTheSameAsScore() {
        ScenarioException e = error(plugins(Map.of("preScore", Map.of("disabled", List.of(Map.of("name", "PodTopologySpread"))))));
        assertEquals("kubeScheduler.profiles[0].plugins.preScore.disabled[0].name", e.path());
        SchedulerConfiguration c = compile(plugins(Map.of(
                "preScore", Map.of("disabled", List.of(Map.of("name", "PodTopologySpread"))),
                "score", Map.of("disabled", List.of(Map.of("name", "PodTopologySpread"))))));
        assertEquals(0, c.weight("PodTopologySpread"));
        assertTrue(c.filters().contains("PodTopologySpread"));
    }

    @Test
    void extensionPoints_comeFromTheDescriptors() {
        assertEquals("NodeName is not a preFilter plugin", error(plugins(Map.of("preFilter",
                Map.of("enabled", List.of(Map.of("name", "NodeName")))))).problem());
        assertEquals("PrioritySort is not a score plugin", error(plugins(Map.of("score",
                Map.of("enabled", List.of(Map.of("name", "PrioritySort")))))).problem());
        // disabling only drops a name, wherever the plugin acts; an inert plugin at its own point changes nothing
        assertEquals(compile(Map.of()), compile(plugins(Map.of("queueSort",
                Map.of("disabled", List.of(Map.of("name", "NodeName")))))));
        assertEquals(compile(Map.of()), compile(plugins(Map.of("queueSort",
                Map.of("enabled", List.of(Map.of("name", "PrioritySort")))))));
    }

    @Test
    void argsKind_mustBeThePluginsArgsType() {
        ScenarioException e = error(Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "NodeResourcesFit", "args", Map.of("kind", "InterPodAffinityArgs")))))));
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].args.kind", e.path());
        assertEquals("expected NodeResourcesFitArgs, got \"InterPodAffinityArgs\"", e.problem());
        assertEquals(3, compile(Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "InterPodAffinity", "args", Map.of("kind", "InterPodAffinityArgs",
                        "hardPodAffinityWeight", 3))))))).hardPodAffinityWeight());
    }
}
