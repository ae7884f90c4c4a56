package io.nodesim.scheduler;

import io.nodesim.cluster.WellKnownLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.scheduler.MatchingPodCounts.Domains;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The incremental counts equal a recount from scratch (every live node, every pod that is not
 * Terminating, none for an empty selector, as upstream's {@code countPodsMatchSelector} loop does)
 * after every change of a random sequence of pod assumes, Terminating marks and forgets, node
 * additions and removals.
 */
class MatchingPodCountsTest {
    private static final String[] APPS = {"web", "db", "cache"};

    private record View(int selector, PodSelector podSelector, String namespace, int key, CompiledPod pod,
            int[] requiredKeys, Domains domains) {
    }

    @Test
    void incrementalCountsEqualARecount_afterEveryChange() {
        Random rnd = new Random(7);
        TestCluster c = new TestCluster();
        SchedulerCache nodes = c.nodes;
        int zoneKey = nodes.symbols().intern(WellKnownLabels.ZONE);
        int hostKey = nodes.symbols().intern(WellKnownLabels.HOSTNAME);
        int rackKey = nodes.symbols().intern("rack");
        int nodeNames = 0;
        for (int i = 0; i < 30; i++) {
            addNode(c, rnd, nodeNames++);
        }
        List<CompiledPod> templates = new ArrayList<>();
        for (String app : APPS) {
            templates.add(c.compiler.compile(app, "default", TestCluster.template(10, 10, Map.of("app", app)), null));
            templates.add(c.compiler.compile(app + "-other-ns", "other",
                    TestCluster.template(10, 10, Map.of("app", app)), null));
        }
        CompiledPod noZoneD = c.compiler.compile("affine", "default", notInZoneD(), null);
        List<int[]> placed = new ArrayList<>();
        // some pods before the first selector is registered, some after
        for (int i = 0; i < 40; i++) {
            placeRandom(nodes, templates, placed, rnd);
        }
        for (int i = 0; i < 10; i++) {
            markRandom(nodes, templates, placed, rnd);
        }
        List<View> views = new ArrayList<>();
        List<PodSelector> selectors = new ArrayList<>();
        for (String app : APPS) {
            selectors.add(PodSelector.ofLabels(Map.of("app", app)));
        }
        selectors.add(PodSelector.EVERYTHING);
        for (PodSelector sel : selectors) {
            int s = nodes.matching().selector(sel, "default");
            assertEquals(s, nodes.matching().selector(sel, "default"), "equal selectors share their counts");
            for (int key : new int[] {zoneKey, hostKey, rackKey}) {
                views.add(view(nodes, s, sel, key, templates.get(0), null));
                views.add(view(nodes, s, sel, key, noZoneD, new int[] {key, rackKey}));
            }
        }
        for (int step = 0; step < 2000; step++) {
            int r = rnd.nextInt(100);
            if (r < 50) {
                placeRandom(nodes, templates, placed, rnd);
            } else if (r < 60) {
                markRandom(nodes, templates, placed, rnd);
            } else if (r < 90 && !placed.isEmpty()) {
                int[] p = placed.remove(rnd.nextInt(placed.size()));
                if (p[2] == 1) {
                    nodes.pods().removeTerminatingPod(templates.get(p[0]), p[1]);
                } else {
                    nodes.pods().removePod(templates.get(p[0]), p[1]);
                }
            } else if (r < 95) {
                addNode(c, rnd, nodeNames++);
            } else if (nodes.size() > 3) {
                int[] order = nodes.order();
                nodes.removeNode(order[rnd.nextInt(order.length)]);
            }
            for (View v : views) {
                check(nodes, templates, placed, v, step);
            }
        }
    }

    private static View view(SchedulerCache nodes, int s, PodSelector sel, int key, CompiledPod pod, int[] requiredKeys) {
        return new View(s, sel, "default", key, pod, requiredKeys, nodes.matching().domains(s, key, pod, requiredKeys));
    }

    private static void check(SchedulerCache nodes, List<CompiledPod> templates, List<int[]> placed, View v, int step) {
        Map<Integer, Long> perValue = new HashMap<>();
        Map<Integer, Integer> counted = new HashMap<>();
        for (int[] p : placed) {
            CompiledPod t = templates.get(p[0]);
            if (p[2] == 0 && !v.podSelector().isEmpty() && t.namespace.equals(v.namespace())
                    && v.podSelector().matches(t.labels)) {
                counted.merge(p[1], 1, Integer::sum);
            }
        }
        for (int n : nodes.order()) {
            int expected = counted.getOrDefault(n, 0);
            assertEquals(expected, nodes.matching().count(v.selector(), n), "node count at step " + step);
            if (counted(nodes, n, v)) {
                perValue.merge(nodes.labelValue(n, v.key()), (long) expected, Long::sum);
            }
        }
        String at = "step " + step + ", key " + nodes.symbols().name(v.key()) + ", " + v.pod().name;
        assertEquals(perValue.size(), v.domains().domainCount(), "domains at " + at);
        long min = perValue.values().stream().mapToLong(Long::longValue).min().orElse(Integer.MAX_VALUE);
        assertEquals(min, v.domains().minCount(), "min at " + at);
        for (Map.Entry<Integer, Long> e : perValue.entrySet()) {
            assertEquals(e.getValue(), v.domains().count(e.getKey()), "count at " + at);
        }
    }

    private static boolean counted(SchedulerCache nodes, int n, View v) {
        if (nodes.labelValue(n, v.key()) == Symbols.ABSENT) {
            return false;
        }
        if (v.pod().requiredNodeAffinity != null && !v.pod().requiredNodeAffinity.matches(nodes, n)) {
            return false;
        }
        if (v.requiredKeys() != null) {
            for (int k : v.requiredKeys()) {
                if (nodes.labelValue(n, k) == Symbols.ABSENT) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void placeRandom(SchedulerCache nodes, List<CompiledPod> templates, List<int[]> placed, Random rnd) {
        int[] order = nodes.order();
        int t = rnd.nextInt(templates.size());
        int n = order[rnd.nextInt(order.length)];
        nodes.pods().addPod(templates.get(t), n);
        placed.add(new int[] {t, n, 0});
    }

    /** Marks a random placed pod Terminating (its deletion timestamp reached the cache). */
    private static void markRandom(SchedulerCache nodes, List<CompiledPod> templates, List<int[]> placed, Random rnd) {
        int[] p = placed.get(rnd.nextInt(placed.size()));
        if (p[2] == 0) {
            nodes.pods().markTerminating(templates.get(p[0]), p[1]);
            p[2] = 1;
        }
    }

    private static void addNode(TestCluster c, Random rnd, int i) {
        Map<String, String> labels = rnd.nextInt(4) == 0 ? Map.of() : Map.of("rack", "r" + rnd.nextInt(5));
        String zone = rnd.nextInt(6) == 0 ? "" : "z" + "abcd".charAt(rnd.nextInt(4));
        c.nodes.addNode(TestCluster.node(4000, 4000, labels), "n" + i, zone);
    }

    private static PodTemplateSpec notInZoneD() {
        Set<String> values = new HashSet<>(List.of("zd"));
        return new PodTemplateSpecBuilder(TestCluster.template(10, 10, Map.of("app", "affine"))).editSpec()
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchExpressions(
                        new NodeSelectorRequirementBuilder().withKey(WellKnownLabels.ZONE).withOperator("NotIn")
                                .withValues(List.copyOf(values)).build()).build())
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
    }
}
