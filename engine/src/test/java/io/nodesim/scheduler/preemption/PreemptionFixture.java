package io.nodesim.scheduler.preemption;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.TestCluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Upstream's preemption test shapes in nodesim units: resources as in default_preemption_test.go
 * (small 100m/100, medium 200m/200, large 300m/300, veryLarge 500m/500; memory in MiB here), nodes of
 * veryLarge capacity and 32 pods unless a test says otherwise, pods named as upstream names them.
 */
final class PreemptionFixture {
    static final int NEG = -100;
    static final int LOW = 0;
    static final int MID = 100;
    static final int HIGH = 1000;
    static final int VERY_HIGH = 10000;
    static final long SMALL = 100;
    static final long MEDIUM = 200;
    static final long LARGE = 300;
    static final long VERY_LARGE = 500;

    final TestCluster cluster = new TestCluster();
    final AssignedPods pods = new AssignedPods(cluster.nodes.pods());
    final List<String> podNames = new ArrayList<>();
    final Map<String, Integer> podIds = new HashMap<>();
    private Scheduler scheduler;

    int node(String name) {
        return node(name, VERY_LARGE, 32);
    }

    int node(String name, long size, int maxPods) {
        Node n = TestCluster.node(size, size, Map.of());
        n.getStatus().getAllocatable().put("pods", new Quantity(Integer.toString(maxPods)));
        return cluster.nodes.addNode(n, name, "");
    }

    static CompiledPod template(TestCluster c, String name, int priority, long size, Map<String, String> labels) {
        PodTemplateSpec t = TestCluster.template(size, size, labels);
        t.getSpec().setPriority(priority);
        return c.compiler.compile(name, "default", t, null);
    }

    /** A pod on a node, started at {@code start}. */
    int running(String name, String node, int priority, long size, long start, Map<String, String> labels) {
        int id = id(name);
        pods.add(id, template(cluster, name, priority, size, labels), cluster.nodes.indexOf(node), start);
        return id;
    }

    int running(String name, String node, int priority, long size) {
        return running(name, node, priority, size, 0, Map.of());
    }

    /** The preemptor: a pending pod with its own index. */
    int pending(String name) {
        return id(name);
    }

    private int id(String name) {
        podIds.put(name, podNames.size());
        podNames.add(name);
        return podNames.size() - 1;
    }

    Scheduler scheduler() {
        if (scheduler == null) {
            scheduler = cluster.scheduler(TestCluster.V135);
        }
        return scheduler;
    }

    DefaultPreemption preemption(DefaultPreemptionArgs args, DisruptionBudgets budgets, int... offsets) {
        return new DefaultPreemption(scheduler(), pods, budgets, args, new Offsets(offsets));
    }

    DefaultPreemption preemption(int... offsets) {
        return preemption(DefaultPreemptionArgs.DEFAULT, DisruptionBudgets.NONE, offsets);
    }

    int[] allNodes() {
        return cluster.nodes.order().clone();
    }

    /** Candidates as upstream's tests compare them: by node name, victims by name. */
    String describe(List<DefaultPreemption.Candidate> candidates) {
        List<String> out = new ArrayList<>();
        for (DefaultPreemption.Candidate c : candidates) {
            out.add(describe(c));
        }
        out.sort(null);
        return String.join(" ", out);
    }

    String describe(DefaultPreemption.Candidate c) {
        String[] victims = Arrays.stream(c.victims()).mapToObj(podNames::get).sorted().toArray(String[]::new);
        return cluster.nodes.name(c.node()) + Arrays.toString(victims)
                + (c.pdbViolations() == 0 ? "" : "/pdb" + c.pdbViolations());
    }

    /** Budgets given as upstream's tests write them: a matchLabels selector, DisruptionsAllowed, DisruptedPods. */
    static final class Budgets implements DisruptionBudgets {
        private final List<Map<String, String>> selectors = new ArrayList<>();
        private final List<Integer> allowed = new ArrayList<>();
        private final List<Set<String>> disrupted = new ArrayList<>();
        private final PreemptionFixture f;

        Budgets(PreemptionFixture f) {
            this.f = f;
        }

        Budgets add(Map<String, String> selector, int disruptionsAllowed, String... disruptedPods) {
            selectors.add(selector);
            allowed.add(disruptionsAllowed);
            disrupted.add(new HashSet<>(List.of(disruptedPods)));
            return this;
        }

        @Override
        public int count() {
            return selectors.size();
        }

        @Override
        public int disruptionsAllowed(int budget) {
            return allowed.get(budget);
        }

        @Override
        public boolean counts(int budget, int pod, CompiledPod template) {
            Map<String, String> s = selectors.get(budget);
            return !s.isEmpty() && template.labels.entrySet().containsAll(s.entrySet())
                    && !disrupted.get(budget).contains(f.podNames.get(pod));
        }
    }

    /** getOffsetRand replaced by the values upstream's seeded source gives. */
    static final class Offsets extends AbstractRandomGenerator {
        private final int[] values;
        private int next;

        Offsets(int... values) {
            this.values = values;
        }

        @Override
        public int nextInt(int n) {
            return values.length == 0 ? 0 : values[next++ % values.length] % n;
        }

        @Override
        public void setSeed(long seed) {
        }

        @Override
        public double nextDouble() {
            // DefaultPreemption draws only its offset (nextInt): any other draw would make the cases meaningless
            throw new UnsupportedOperationException("the preemption offsets are fixed ints; nothing else may be drawn");
        }
    }
}
