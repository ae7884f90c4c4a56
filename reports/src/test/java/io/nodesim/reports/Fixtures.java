package io.nodesim.reports;

import static io.nodesim.kernel.SimTime.NEVER;
import static io.nodesim.kernel.SimTime.SECOND;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.StartupConfig;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built scenarios and results for the report tests (the model is written elsewhere): an empty
 * result, a tiny one (one node crash, two pods) whose every number is known, and a large one
 * (5,000 nodes, 50,000 pods, 3 zones, zone a out for 20 minutes with the rate-limited taint
 * staircase 10 s apart).
 */
public final class Fixtures {
    private Fixtures() {
    }

    static long s(double seconds) {
        return SimTime.fromSeconds(seconds);
    }

    // ---- scenarios ----------------------------------------------------------------------------

    public static Scenario scenario(String name, String description, List<NodeGroup> nodes, List<WorkloadSpec> workloads,
            List<FaultSpec> faults, long duration) {
        Map<String, SettingOrigin> origins = new LinkedHashMap<>();
        origins.put("kubernetesVersion", new SettingOrigin("file", "scenario.yaml:6"));
        origins.put("seed", new SettingOrigin("--set", "seed=7"));
        origins.put("kubeControllerManager.node-monitor-grace-period", new SettingOrigin("profile", "1.34+"));
        origins.put("kubeControllerManager.node-eviction-rate", new SettingOrigin("profile", "1.34+"));
        origins.put("workloads[0].spec.replicas", new SettingOrigin("--set", "workloads[0].spec.replicas=2"));
        DurationDistribution watch = DurationDistribution.uniform(10 * SimTime.MILLISECOND, 100 * SimTime.MILLISECOND);
        DurationDistribution small = DurationDistribution.constant(20 * SimTime.MILLISECOND);
        VersionProfile profile = new VersionProfile("1.34+", true, true, true, false, false, true);
        return Scenario.builder(name, new KubernetesVersion(1, 35), profile,
                SchedulerConfigurations.defaults(new KubernetesVersion(1, 35), profile))
                .description(description).sourceFile("scenarios/" + name + ".yaml").seed(7).duration(duration)
                .kubelet(new KubeletConfig(10 * SECOND, 300 * SECOND, 40))
                .kubeControllerManager(new ControllerManagerConfig(5 * SECOND, 50 * SECOND, 60 * SECOND, 0.1, 0.01, 50,
                        0.55, true, 300 * SECOND))
                .kubeApiServer(new ApiServerConfig(300, 300))
                .latencies(new Latencies(watch, small, small, small, small, small, small)).nodes(nodes)
                .workloads(workloads)
                .startup(new StartupConfig(new StartupConfig.Model(DurationDistribution.constant(3 * SECOND),
                        DurationDistribution.constant(SECOND)), Map.of()))
                .faults(faults).origins(origins).build();
    }

    static WorkloadSpec deployment(String name, int replicas) {
        return new WorkloadSpec("Deployment", name, null, replicas, Map.of("app", name), new PodTemplateSpec(),
                new Deployment());
    }

    static WorkloadSpec pod(String name) {
        return new WorkloadSpec("Pod", name, null, 1, Map.of(), new PodTemplateSpec(), new Pod());
    }

    static FaultSpec fault(String type, long at, long duration, FaultTarget target) {
        return new FaultSpec(type, at, duration, target);
    }

    // ---- empty ----------------------------------------------------------------------------------

    public static Scenario emptyScenario() {
        return scenario("empty", "", List.of(new NodeGroup("n", false, 1, List.of(), new Node())), List.of(),
                List.of(), 60 * SECOND);
    }

    /** A replication in which nothing happened. */
    public static RunResult emptyResult() {
        return new RunResult(0, List.of(), List.of(), List.of(), List.of(), Map.of(), 0);
    }

    // ---- tiny -----------------------------------------------------------------------------------

    public static Scenario tinyScenario() {
        return scenario("tiny-crash", "One node crashes; its \"web\" pod moves & the bare pod <solo> is lost.",
                List.of(new NodeGroup("n", true, 3, List.of("a", "b"), new Node())),
                List.of(deployment("web", 2), pod("solo")),
                List.of(fault("NodeCrash", 10 * SECOND, NEVER,
                        new FaultTarget(List.of("n-0"), null, null, null, null))),
                600 * SECOND);
    }

    public static RunResult tinyResult() {
        List<NodeRecord> nodes = List.of(
                new NodeRecord("n-0", "a", s(10), s(55.123), s(55.124), s(55.2), NEVER, 1));
        List<PodRecord> pods = List.of(
                new PodRecord("web-1", "web", "n-0", s(55.13), s(355.21), "web-3", "n-1", s(355.3), s(355.35),
                        362_400_500L, false, NEVER, s(55.231)),
                new PodRecord("solo", "solo", "n-0", s(55.131), s(355.211), null, null, NEVER, NEVER, NEVER, false));
        List<WorkloadRecord> workloads = List.of(
                new WorkloadRecord("web", "Deployment", 2, s(55.13), 362_400_500L, 1, 307_270_500L,
                        WorkloadRecord.availability(307_270_500L, 600 * SECOND), s(307.2)),
                new WorkloadRecord("solo", "Pod", 1, s(55.131), NEVER, 0, s(544.869),
                        WorkloadRecord.availability(s(544.869), 600 * SECOND)));
        List<EventRecord> events = List.of(
                new EventRecord(s(10), "NodeFault", "n-0", "NodeCrash"),
                new EventRecord(s(55.123), "NodeReadyUnknown", "n-0", ""),
                new EventRecord(s(55.124), "TaintAdded", "n-0", "node.kubernetes.io/unreachable:NoSchedule"),
                new EventRecord(s(55.13), "PodNotReady", "default/web-1", ""),
                new EventRecord(s(55.131), "PodNotReady", "default/solo", ""),
                new EventRecord(s(55.2), "TaintAdded", "n-0", "node.kubernetes.io/unreachable:NoExecute"),
                new EventRecord(s(355.21), "PodDeleted", "default/web-1", "tolerationSeconds=300, \"unreachable\""),
                new EventRecord(s(355.211), "PodDeleted", "default/solo", "tolerationSeconds=300, \"unreachable\""),
                new EventRecord(s(355.3), "PodCreated", "default/web-3", "replaces web-1"),
                new EventRecord(s(355.35), "PodScheduled", "default/web-3", "n-1"),
                new EventRecord(362_400_500L, "PodReady", "default/web-3", ""));
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("time_to_unknown", new double[] {45.123});
        metrics.put("time_to_noexecute_taint", new double[] {45.2});
        metrics.put("time_to_pod_not_ready", new double[] {45.13, 45.131});
        metrics.put("time_to_pod_deletion", new double[] {345.21, 345.211});
        metrics.put("time_to_replacement_ready", new double[] {352.4005});
        metrics.put("workload_unavailable_seconds", new double[] {307.2705, 544.869});
        metrics.put("false_evictions", new double[] {0});
        return new RunResult(0, nodes, pods, workloads, events, metrics, 1234);
    }

    public static List<MetricSummary> tinySummaries() {
        double nan = Double.NaN;
        return List.of(
                new MetricSummary("time_to_unknown", 1, 45.123, nan, nan, nan, 45.123, 45.123, 45.123, 45.123, 45.123),
                new MetricSummary("time_to_pod_deletion", 2, 345.2105, 0.000707, nan, nan, 345.21, 345.2105, 345.2109,
                        345.21099, 345.211),
                new MetricSummary("false_evictions", 1, 0, nan, nan, nan, 0, 0, 0, 0, 0));
    }

    // ---- large ----------------------------------------------------------------------------------

    static final int LARGE_NODES = 5000;
    static final int PODS_PER_NODE = 10;
    static final int LARGE_WORKLOADS = 5;
    static final long OUTAGE_AT = s(600);
    static final long OUTAGE_FOR = s(1200);
    static final long LARGE_DURATION = 45 * SimTime.MINUTE;

    public static Scenario largeScenario() {
        List<WorkloadSpec> workloads = new ArrayList<>();
        for (int w = 0; w < LARGE_WORKLOADS; w++) {
            workloads.add(deployment("svc-" + w, LARGE_NODES * PODS_PER_NODE / LARGE_WORKLOADS));
        }
        return scenario("zone-outage", "Zone a loses power for 20 minutes.",
                List.of(new NodeGroup("worker", true, LARGE_NODES, List.of("a", "b", "c"), new Node())), workloads,
                List.of(fault("ZoneOutage", OUTAGE_AT, OUTAGE_FOR, new FaultTarget(null, "a", null, null, null))),
                LARGE_DURATION);
    }

    /**
     * Zone a (1,667 nodes) fails at 600 s. Nodes go Unknown 40–55 s later; the first is tainted at
     * once, the zone passes through PartialDisruption (secondary rate 0.01: nothing) to
     * FullDisruption, whose limiter gives its first token 10 s after the swap and then one every
     * 10.0 or 10.1 s (100 ms worker tick) until the zone comes back at 1,800 s. Pods of nodes
     * tainted before 1,500 s are deleted 300 s later and replaced in zones b and c.
     */
    public static RunResult largeResult() {
        java.util.Random rnd = new java.util.Random(42);
        List<Integer> zoneA = new ArrayList<>();
        for (int i = 0; i < LARGE_NODES; i++) {
            if (i % 3 == 0) {
                zoneA.add(i);
            }
        }
        long[] unknown = new long[LARGE_NODES];
        for (int i : zoneA) {
            unknown[i] = OUTAGE_AT + s(40) + (long) (rnd.nextDouble() * s(15));
        }
        long firstUnknown = zoneA.stream().mapToLong(i -> unknown[i]).min().orElseThrow();
        long lastUnknown = zoneA.stream().mapToLong(i -> unknown[i]).max().orElseThrow();
        long partialAt = firstUnknown + s(8);
        long fullAt = lastUnknown + s(0.02);
        long recovery = OUTAGE_AT + OUTAGE_FOR;
        // taint order: the order of the last pass, which is random
        List<Integer> order = new ArrayList<>(zoneA);
        order.sort(Comparator.comparingLong(i -> unknown[i]));
        Integer first = order.remove(0);
        java.util.Collections.shuffle(order, rnd);
        order.add(0, first);
        long[] taint = new long[LARGE_NODES];
        Arrays.fill(taint, NEVER);
        taint[first] = firstUnknown + s(0.05);
        long t = fullAt + s(10);
        for (int k = 1; k < order.size() && t < recovery; k++) {
            taint[order.get(k)] = t;
            t += rnd.nextBoolean() ? s(10.0) : s(10.1);
        }
        List<NodeRecord> nodes = new ArrayList<>();
        List<PodRecord> pods = new ArrayList<>();
        List<EventRecord> events = new ArrayList<>();
        List<Double> tUnknown = new ArrayList<>();
        List<Double> tTaint = new ArrayList<>();
        List<Double> tNotReady = new ArrayList<>();
        List<Double> tDeleted = new ArrayList<>();
        List<Double> tReplacement = new ArrayList<>();
        long[] wFirst = new long[LARGE_WORKLOADS];
        long[] wLast = new long[LARGE_WORKLOADS];
        Arrays.fill(wFirst, NEVER);
        int replacementSeq = 0;
        for (int i : zoneA) {
            String node = "worker-" + i;
            long ready = recovery + (long) (rnd.nextDouble() * s(10));
            nodes.add(new NodeRecord(node, "a", OUTAGE_AT, unknown[i], unknown[i] + s(0.001), taint[i], ready, 1));
            events.add(new EventRecord(OUTAGE_AT, "NodeFault", node, "ZoneOutage"));
            events.add(new EventRecord(unknown[i], "NodeReadyUnknown", node, ""));
            events.add(new EventRecord(unknown[i] + s(0.001), "TaintAdded", node, "node.kubernetes.io/unreachable:NoSchedule"));
            events.add(new EventRecord(ready, "NodeReadyTrue", node, ""));
            tUnknown.add(SimTime.toSeconds(unknown[i] - OUTAGE_AT));
            if (taint[i] != NEVER) {
                events.add(new EventRecord(taint[i], "TaintAdded", node, "node.kubernetes.io/unreachable:NoExecute"));
                tTaint.add(SimTime.toSeconds(taint[i] - OUTAGE_AT));
            }
            for (int j = 0; j < PODS_PER_NODE; j++) {
                int w = j % LARGE_WORKLOADS;
                String pod = "svc-" + w + "-" + i + "-" + j;
                long notReady = unknown[i] + s(0.01) + j * s(0.002);
                long deleted = taint[i] != NEVER && taint[i] + s(300.05) < ready ? taint[i] + s(300.05) : NEVER;
                tNotReady.add(SimTime.toSeconds(notReady - OUTAGE_AT));
                events.add(new EventRecord(notReady, "PodNotReady", "default/" + pod, ""));
                wFirst[w] = Math.min(wFirst[w], notReady);
                if (deleted == NEVER) {
                    pods.add(new PodRecord(pod, "svc-" + w, node, notReady, NEVER, null, null, NEVER, NEVER, NEVER,
                            false));
                    wLast[w] = Math.max(wLast[w], ready);
                    continue;
                }
                String repl = "svc-" + w + "-r" + replacementSeq++;
                String target = "worker-" + (1 + 3 * rnd.nextInt(LARGE_NODES / 3) + rnd.nextInt(2));
                long created = deleted + s(0.2);
                long scheduled = created + s(0.3) + (long) (rnd.nextDouble() * s(0.5));
                long podReady = scheduled + s(3) + (long) (rnd.nextDouble() * s(3));
                pods.add(new PodRecord(pod, "svc-" + w, node, notReady, deleted, repl, target, created, scheduled,
                        podReady, false));
                events.add(new EventRecord(deleted, "PodDeleted", "default/" + pod, "tolerationSeconds=300"));
                events.add(new EventRecord(created, "PodCreated", "default/" + repl, "replaces " + pod));
                events.add(new EventRecord(scheduled, "PodScheduled", "default/" + repl, target));
                events.add(new EventRecord(podReady, "PodReady", "default/" + repl, ""));
                tDeleted.add(SimTime.toSeconds(deleted - OUTAGE_AT));
                tReplacement.add(SimTime.toSeconds(podReady - OUTAGE_AT));
                wLast[w] = Math.max(wLast[w], podReady);
            }
        }
        events.add(new EventRecord(partialAt, "ZoneState", "a", "PartialDisruption"));
        events.add(new EventRecord(fullAt, "ZoneState", "a", "FullDisruption"));
        events.add(new EventRecord(recovery + s(5), "ZoneState", "a", "Normal"));
        events.sort(Comparator.comparingLong(EventRecord::time));
        List<WorkloadRecord> workloads = new ArrayList<>();
        double[] unavailable = new double[LARGE_WORKLOADS];
        int perWorkload = LARGE_NODES * PODS_PER_NODE / LARGE_WORKLOADS;
        for (int w = 0; w < LARGE_WORKLOADS; w++) {
            workloads.add(new WorkloadRecord("svc-" + w, "Deployment", perWorkload, wFirst[w], wLast[w],
                    perWorkload - zoneA.size() * PODS_PER_NODE / LARGE_WORKLOADS, wLast[w] - wFirst[w],
                    WorkloadRecord.availability(wLast[w] - wFirst[w], LARGE_DURATION)));
            unavailable[w] = SimTime.toSeconds(wLast[w] - wFirst[w]);
        }
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("time_to_unknown", toArray(tUnknown));
        metrics.put("time_to_noexecute_taint", toArray(tTaint));
        metrics.put("time_to_pod_not_ready", toArray(tNotReady));
        metrics.put("time_to_pod_deletion", toArray(tDeleted));
        metrics.put("time_to_replacement_ready", toArray(tReplacement));
        metrics.put("workload_unavailable_seconds", unavailable);
        metrics.put("false_evictions", new double[] {0});
        return new RunResult(0, nodes, pods, workloads, events, metrics, 3_000_000);
    }

    /** Plain summaries of a result's metrics (no confidence interval: one replication). */
    public static List<MetricSummary> summariesOf(RunResult run) {
        List<MetricSummary> out = new ArrayList<>();
        run.metrics().forEach((metric, samples) -> {
            double[] v = samples.clone();
            Arrays.sort(v);
            int n = v.length;
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            out.add(new MetricSummary(metric, n, mean, Double.NaN, Double.NaN, Double.NaN, n == 0 ? Double.NaN : v[0],
                    q(v, 0.5), q(v, 0.9), q(v, 0.99), n == 0 ? Double.NaN : v[n - 1]));
        });
        return out;
    }

    private static double q(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
