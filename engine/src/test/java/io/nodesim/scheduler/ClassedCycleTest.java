package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cycle by class of node ({@link ClassedCycle}, what {@link Scheduler#place} runs once a template
 * has had its first cycles) chooses what the node-by-node cycle chooses ({@link Scheduler#schedule}),
 * draws the same ties and moves {@code nextStartNodeIndex} as far, on twin random clusters under a
 * random stream of changes: pods of five templates placed and deleted (owned ones with the default
 * spread, one without owner, one with three spread constraints, one spreading over a key some nodes
 * lack with a preferred node affinity), NoSchedule and
 * PreferNoSchedule taints, cordons, nodes removed and restored, several percentages of nodes to score,
 * on clusters of identical nodes (few classes), of a few sizes, and of all different sizes (more
 * classes than get bits).
 */
class ClassedCycleTest {

    @Test
    void cyclesByClass_chooseWhatNodeByNodeCyclesChoose() {
        Random rnd = new Random(2026);
        long byBits = 0;
        long byWindow = 0;
        for (int trial = 0; trial < 40; trial++) {
            long seed = rnd.nextLong();
            int percentage = new int[] {0, 0, 10, 30, 100}[trial % 5];
            Twin byNode = new Twin(seed, percentage);
            Twin byClass = new Twin(seed, percentage);
            Random ops = new Random(seed);
            for (int step = 0; step < 600; step++) {
                int op = ops.nextInt(100);
                int template = ops.nextInt(100) < 70 ? 0 : 1 + ops.nextInt(4);
                if (op < 80) {
                    ScheduleResult a = byNode.scheduler.schedule(byNode.templates[template], false);
                    int b = byClass.scheduler.place(byClass.templates[template]);
                    String where = "trial " + trial + " step " + step;
                    assertEquals(a.node(), b, where);
                    assertEquals(byNode.scheduler.nextStartNodeIndex(), byClass.scheduler.nextStartNodeIndex(), where);
                    if (a.scheduled()) {
                        assertEquals(a.tieNodes().length, byClass.scheduler.lastTieCount(), where);
                        assertEquals(a.feasibleNodes(), byClass.scheduler.lastFeasibleNodes(), where);
                        byNode.nodes.pods().addPod(byNode.templates[template], a.node());
                        byNode.placed.add(new int[] {template, a.node()});
                        byClass.placed.add(new int[] {template, b});
                    }
                } else {
                    int arg = ops.nextInt(1 << 20);
                    byNode.change(op, arg);
                    byClass.change(op, arg);
                }
            }
            byBits += byClass.scheduler.classedCycles().byBits();
            byWindow += byClass.scheduler.classedCycles().byWindow();
        }
        // both ways of reading the window ran, and most cycles ran by class
        assertTrue(byBits > 1000 && byWindow > 1000, "" + byBits + " by bits, " + byWindow + " by window");
    }

    /** A pod of app {@code app} spreading softly over {@code keys}, preferring zone z1 if asked. */
    private static PodTemplateSpec spread(String app, List<String> keys, boolean preferZone1) {
        PodTemplateSpec t = TestCluster.template(200, 256, Map.of("app", app));
        PodSpec spec = t.getSpec();
        List<TopologySpreadConstraint> constraints = new ArrayList<>();
        for (String key : keys) {
            constraints.add(new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(key)
                    .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().addToMatchLabels("app", app)
                    .endLabelSelector().build());
        }
        spec.setTopologySpreadConstraints(constraints);
        if (preferZone1) {
            spec.setAffinity(new AffinityBuilder().withNewNodeAffinity()
                    .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(5).withNewPreference()
                    .addNewMatchExpression().withKey(WellKnownLabels.ZONE).withOperator("In").withValues("z1")
                    .endMatchExpression().endPreference().endPreferredDuringSchedulingIgnoredDuringExecution()
                    .endNodeAffinity().build());
        }
        return t;
    }

    /** One of two identical clusters with the same scheduler configuration and ties stream. */
    private static final class Twin {
        final TestCluster cluster = new TestCluster();
        final SchedulerCache nodes = cluster.nodes;
        final Scheduler scheduler;
        final CompiledPod[] templates = new CompiledPod[5];
        final List<int[]> placed = new ArrayList<>();
        final List<Integer> removed = new ArrayList<>();

        Twin(long seed, int percentage) {
            Random rnd = new Random(seed);
            // identical nodes make few classes and long windows (read by bits); mixed ones many; nodes
            // all of a different size more classes than get bits (ScoreClasses.BIT_CLASSES)
            int shape = rnd.nextInt(3);
            boolean identical = shape == 0;
            int count = identical ? 1000 + rnd.nextInt(2000) : shape == 1 ? 100 + rnd.nextInt(500) : 400 + rnd.nextInt(800);
            int zones = shape == 2 ? 30 + rnd.nextInt(30) : 1 + rnd.nextInt(4);
            boolean preferTaints = rnd.nextInt(3) == 0;
            for (int i = 0; i < count; i++) {
                long cpu = identical ? 8000 : shape == 1 ? 2000 + rnd.nextInt(4) * 2000 : 2000 + 7 * i;
                // a rack label on most nodes: spread over racks ignores the others (every key required)
                Map<String, String> labels = rnd.nextInt(5) == 0 ? Map.of() : Map.of("rack", "r" + rnd.nextInt(7));
                int node = nodes.addNode(TestCluster.node(cpu, identical ? 8192 : 4096 + rnd.nextInt(3) * 4096, labels),
                        "n" + i, "z" + rnd.nextInt(zones));
                if (preferTaints && rnd.nextInt(5) == 0) {
                    nodes.addTaint(node, "p", "y", TaintEffects.PREFER_NO_SCHEDULE);
                }
                if (!identical) {
                    cluster.place(node, rnd.nextInt(3) * 250, 256, rnd.nextInt(3));
                }
            }
            String[] apps = {"web", "api", "batch"};
            for (int t = 0; t < apps.length; t++) {
                Map<String, String> labels = Map.of("app", apps[t]);
                // "batch" has no owner: no PodTopologySpread defaults
                PodSelector owner = t == 2 ? null : PodSelector.ofLabels(labels);
                templates[t] = cluster.compiler.compile(apps[t], "default",
                        TestCluster.template(100 + 150 * t, 200 + 100 * t, labels), owner);
            }
            // three scoring constraints: PodTopologySpread cannot class nodes, cycles score node by node
            templates[3] = cluster.compiler.compile("spread3", "default", spread("spread3",
                    List.of(WellKnownLabels.ZONE, WellKnownLabels.HOSTNAME, "rack"), false), null);
            // two constraints, one on a key some nodes lack, and a preferred node affinity scored by class
            templates[4] = cluster.compiler.compile("racks", "default", spread("racks",
                    List.of(WellKnownLabels.ZONE, "rack"), true), null);
            SchedulerConfiguration config = ConfigTree.compile(Map.of("percentageOfNodesToScore", percentage),
                    KubernetesVersion.parse("1.35"), TestCluster.V135);
            scheduler = new Scheduler(nodes, config, new RandomStreams(seed, 0).stream("scheduler.ties"));
        }

        void change(int op, int arg) {
            int[] order = nodes.order();
            int node = order[arg % order.length];
            if (op < 86) {
                if (!placed.isEmpty()) {
                    int[] p = placed.remove(arg % placed.size());
                    if (nodes.isAlive(p[1])) {
                        nodes.pods().removePod(templates[p[0]], p[1]);
                    }
                }
            } else if (op < 90) {
                if (!nodes.removeTaint(node, "t", TaintEffects.NO_SCHEDULE)) {
                    nodes.addTaint(node, "t", "x", TaintEffects.NO_SCHEDULE);
                }
            } else if (op < 93) {
                if (!nodes.removeTaint(node, "p", TaintEffects.PREFER_NO_SCHEDULE)) {
                    nodes.addTaint(node, "p", "y", TaintEffects.PREFER_NO_SCHEDULE);
                }
            } else if (op < 96) {
                nodes.setUnschedulable(node, !nodes.unschedulable(node));
            } else if (op < 98 && order.length > 60) {
                nodes.removeNode(node);
                removed.add(node);
                placed.removeIf(p -> p[1] == node);
            } else if (!removed.isEmpty()) {
                nodes.restoreNode(removed.remove(arg % removed.size()));
            }
        }
    }
}
