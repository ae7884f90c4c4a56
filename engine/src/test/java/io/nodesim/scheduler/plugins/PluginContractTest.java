package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.SchedulerConfigurations;
import io.nodesim.scheduler.TaintEffects;
import io.nodesim.scheduler.TestCluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered plugin keeps, run over each of them on seeded random clusters and
 * pods (as JCTools' QueueSanityTest runs over every queue): a descriptor that matches the
 * implementation, scores within 0..100 after NormalizeScore, node-local claims that survive a
 * recompute from scratch after other nodes change, and deterministic filters.
 */
class PluginContractTest {
    private static final int CLUSTERS = 60;
    private static final int PODS = 6;
    private static final List<SchedulerConfiguration> CONFIGS = List.of(
            SchedulerConfigurations.defaults(KubernetesVersion.parse("1.35"), TestCluster.V135),
            SchedulerConfigurations.defaults(KubernetesVersion.parse("1.36"), TestCluster.V136));

    static Stream<PluginDescriptor> plugins() {
        return PluginRegistry.modelled().stream();
    }

    private static SchedulerConfiguration config(int seed) {
        return CONFIGS.get(seed % CONFIGS.size());
    }

    private static Object create(PluginDescriptor d, SchedulerCache nodes, int seed) {
        return d.factory().create(nodes, config(seed));
    }

    @Test
    void registry_namesEachPluginOnce_modelledFirst() {
        List<String> names = PluginRegistry.knownNames();
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
        List<PluginDescriptor> all = PluginRegistry.all();
        int firstInert = all.indexOf(all.stream().filter(d -> !d.modelled()).findFirst().orElseThrow());
        assertTrue(all.subList(firstInert, all.size()).stream().noneMatch(PluginDescriptor::modelled));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void descriptor_matchesTheImplementation(PluginDescriptor d) throws Exception {
        Object p = create(d, new SchedulerCache(), 0);
        assertEquals(d.filters(), p instanceof FilterPlugin, "declares Filter iff it is a FilterPlugin");
        assertEquals(d.scores(), p instanceof ScorePlugin, "declares Score iff it is a ScorePlugin");
        assertEquals(d.name(), p instanceof FilterPlugin f ? f.name() : ((ScorePlugin) p).name());
        if (p instanceof ScorePlugin) {
            Class<?> normalize = p.getClass().getMethod("normalize", int[].class, long[].class, int.class)
                    .getDeclaringClass();
            assertEquals(d.normalizes(), normalize != ScorePlugin.class, "declares NormalizeScore iff it normalizes");
        }
        assertTrue(d.filters() || !d.at(ExtensionPoint.PRE_FILTER), "PreFilter without Filter");
        assertTrue(d.scores() || !(d.at(ExtensionPoint.PRE_SCORE) || d.normalizes()), "PreScore/Normalize without Score");
        assertTrue(d.scores() || !d.scoreNodeLocal(), "a node-local score without Score");
        assertTrue(d.filters() || d.filterNodeLocal(), "a filter reading other nodes without Filter");
        int weight = d.defaultWeight(KubernetesVersion.parse("1.35"));
        assertEquals(d.scores(), weight > 0, "a default weight iff it scores");
        assertTrue(weight <= 100, "weight " + weight);
        assertTrue(d.argsType() == null || d.argsType().equals(d.name() + "Args"), d.argsType());
    }

    /** Upstream's framework rejects a normalised score outside [0, MaxNodeScore]; uniformScore must agree with the per-node one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void scores_areWithin0To100_afterNormalisation(PluginDescriptor d) {
        Assumptions.assumeTrue(d.scores());
        int scored = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomClusters c = new RandomClusters(seed);
            ScorePlugin s = (ScorePlugin) create(d, c.nodes, seed);
            List<FilterPlugin> filters = filters(c.nodes, seed);
            for (int i = 0; i < PODS; i++) {
                CompiledPod pod = c.pod();
                int[] feasible = feasible(filters, pod, c.nodes);
                if (feasible.length == 0 || !s.preScore(pod, feasible, feasible.length)) {
                    continue;
                }
                long[] scores = new long[feasible.length];
                s.scoreAll(pod, feasible, feasible.length, scores);
                if (d.normalizes()) {
                    s.normalize(feasible, scores, feasible.length);
                }
                long uniform = s.uniformScore(pod);
                for (long score : scores) {
                    assertTrue(score >= 0 && score <= 100, d.name() + " seed " + seed + ": " + Arrays.toString(scores));
                    assertTrue(uniform < 0 || uniform == score, "uniformScore " + uniform + " but a node has " + score);
                }
                scored++;
                c.nodes.pods().addPod(pod, feasible[c.rnd.nextInt(feasible.length)]);
            }
        }
        assertTrue(scored > CLUSTERS, "too few pods scored: " + scored);
    }

    /**
     * The scheduler scores a cycle with {@code scoreAll} (which may share work between nodes, as
     * PodTopologySpread's memo of node classes does); it must give each node what {@code score} gives
     * it alone, and NormalizeScore after it what NormalizeScore gives after per-node scores.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void scoreAll_thenNormalize_equalsPerNodeScoresThenNormalize(PluginDescriptor d) {
        Assumptions.assumeTrue(d.scores());
        int scored = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomClusters c = new RandomClusters(seed);
            ScorePlugin batch = (ScorePlugin) create(d, c.nodes, seed);
            ScorePlugin single = (ScorePlugin) create(d, c.nodes, seed);
            List<FilterPlugin> filters = filters(c.nodes, seed);
            for (int i = 0; i < PODS; i++) {
                CompiledPod pod = c.pod();
                int[] feasible = feasible(filters, pod, c.nodes);
                int n = feasible.length;
                if (n == 0 || !batch.preScore(pod, feasible, n)) {
                    continue;
                }
                single.preScore(pod, feasible, n);
                long[] together = new long[n];
                batch.scoreAll(pod, feasible, n, together);
                long[] alone = new long[n];
                for (int k = 0; k < n; k++) {
                    alone[k] = single.score(pod, feasible[k]);
                }
                assertEquals(Arrays.toString(alone), Arrays.toString(together), d.name() + " raw, seed " + seed);
                if (d.normalizes()) {
                    batch.normalize(feasible, together, n);
                    single.normalize(feasible, alone, n);
                    assertEquals(Arrays.toString(alone), Arrays.toString(together), d.name() + " normalised, seed " + seed);
                }
                scored++;
                c.nodes.pods().addPod(pod, feasible[c.rnd.nextInt(n)]);
            }
        }
        assertTrue(scored > CLUSTERS, "too few pods scored: " + scored);
    }

    /**
     * A node-local Filter or Score answer is what the scheduler caches per node until that node
     * changes: after pods, taints and cordons change on another node, a plugin built from scratch
     * gives every other node the answer the first plugin gave.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void nodeLocalClaims_holdAgainstARecomputeFromScratch(PluginDescriptor d) {
        boolean localFilter = d.filters() && d.filterNodeLocal();
        Assumptions.assumeTrue(localFilter || d.scoreNodeLocal());
        int compared = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomClusters c = new RandomClusters(seed);
            int[] all = c.allNodes();
            for (int p = 0; p < PODS; p++) {
                CompiledPod pod = c.pod();
                Answers before = answers(create(d, c.nodes, seed), pod, all, localFilter, d.scoreNodeLocal());
                int changed = all[c.rnd.nextInt(all.length)];
                for (int i = 0, n = 1 + c.rnd.nextInt(3); i < n; i++) {
                    c.nodes.pods().addPod(c.pod(), changed);
                }
                c.nodes.addTaint(changed, "p", "y", TaintEffects.PREFER_NO_SCHEDULE);
                c.nodes.setUnschedulable(changed, c.rnd.nextBoolean());
                Answers after = answers(create(d, c.nodes, seed), pod, all, localFilter, d.scoreNodeLocal());
                for (int i = 0; i < all.length; i++) {
                    if (all[i] == changed) {
                        continue;
                    }
                    if (localFilter && before.filtered && after.filtered) {
                        assertEquals(before.filter[i], after.filter[i], d.name() + " filter, seed " + seed + ", node " + all[i]);
                    }
                    if (d.scoreNodeLocal() && before.scored && after.scored) {
                        assertEquals(before.score[i], after.score[i], d.name() + " score, seed " + seed + ", node " + all[i]);
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > CLUSTERS, "too few nodes compared: " + compared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void filterResults_areDeterministic(PluginDescriptor d) {
        Assumptions.assumeTrue(d.filters());
        int rejections = 0;
        for (int seed = 0; seed < CLUSTERS; seed++) {
            RandomClusters c = new RandomClusters(seed);
            FilterPlugin a = (FilterPlugin) create(d, c.nodes, seed);
            FilterPlugin b = (FilterPlugin) create(d, c.nodes, seed);
            for (int i = 0; i < PODS; i++) {
                CompiledPod pod = c.pod();
                String pre = a.preFilter(pod);
                assertEquals(pre, b.preFilter(pod), d.name() + " preFilter, seed " + seed);
                assertTrue(d.at(ExtensionPoint.PRE_FILTER) || pre == null || pre == FilterPlugin.SKIP,
                        d.name() + " rejects in PreFilter without declaring it: " + pre);
                if (pre != null) {
                    continue;
                }
                for (int node : c.allNodes()) {
                    String first = a.filter(pod, node);
                    assertEquals(first, a.filter(pod, node), d.name() + " twice, seed " + seed + ", node " + node);
                    assertEquals(first, b.filter(pod, node), d.name() + " another instance, seed " + seed);
                    rejections += first == null ? 0 : 1;
                }
            }
        }
        assertNotEquals(0, rejections, d.name() + " never rejected a node: the random pods do not exercise it");
    }

    private record Answers(boolean filtered, String[] filter, boolean scored, long[] score) {
    }

    private static Answers answers(Object plugin, CompiledPod pod, int[] nodes, boolean filter, boolean score) {
        String[] f = new String[nodes.length];
        long[] s = new long[nodes.length];
        boolean filtered = filter && ((FilterPlugin) plugin).preFilter(pod) == null;
        boolean scored = score && ((ScorePlugin) plugin).preScore(pod, nodes, nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            f[i] = filtered ? ((FilterPlugin) plugin).filter(pod, nodes[i]) : null;
            s[i] = scored ? ((ScorePlugin) plugin).score(pod, nodes[i]) : 0;
        }
        return new Answers(filtered, f, scored, s);
    }

    private static List<FilterPlugin> filters(SchedulerCache nodes, int seed) {
        List<FilterPlugin> out = new ArrayList<>();
        for (PluginDescriptor d : PluginRegistry.modelled()) {
            if (d.filters()) {
                out.add((FilterPlugin) create(d, nodes, seed));
            }
        }
        return out;
    }

    /** The nodes every default filter accepts, as the scheduler would hand them to Score. */
    private static int[] feasible(List<FilterPlugin> filters, CompiledPod pod, SchedulerCache nodes) {
        List<FilterPlugin> active = new ArrayList<>();
        for (FilterPlugin f : filters) {
            String pre = f.preFilter(pod);
            if (pre == null) {
                active.add(f);
            } else if (pre != FilterPlugin.SKIP) {
                return new int[0];
            }
        }
        return Arrays.stream(nodes.order()).filter(n -> active.stream().allMatch(f -> f.filter(pod, n) == null))
                .toArray();
    }
}
