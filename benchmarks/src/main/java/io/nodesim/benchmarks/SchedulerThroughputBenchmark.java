package io.nodesim.benchmarks;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * scheduler_perf's SchedulingBasic (test/integration/scheduler_perf/misc/performance-config.yaml)
 * on one thread: N nodes of 4 CPU / 32 GiB / 110 pods, 1,000 pre-placed 100m/500Mi pods, then
 * 10,000 identical 100m/500Mi pods scheduled and assumed one after the other. One invocation = the
 * 10,000 pods; the score is pods per second. The cluster is built once per trial and each
 * invocation's pods are forgotten again afterwards (outside the measurement), so every invocation
 * starts from the same 1,000-pod cluster and {@code -prof gc} sees only the scheduling itself.
 * kube-scheduler's published floor for 5000Nodes_10000Pods is 680 pods/s, and it includes binding
 * through the API server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchedulerThroughputBenchmark {
    private static final int INIT_PODS = 1_000;
    private static final int MEASURED_PODS = 10_000;

    @Param({"5000", "15000"})
    int nodes;

    /** 0 = adaptive (kube-scheduler's default), 100 = score every node. */
    @Param({"0", "100"})
    int percentageOfNodesToScore;

    private SchedulerCache table;
    private Scheduler scheduler;
    private CompiledPod pod;
    private final int[] placed = new int[MEASURED_PODS];

    @Setup(Level.Trial)
    public void buildCluster() {
        table = new SchedulerCache();
        Node template = new NodeBuilder().withNewMetadata().endMetadata().withNewSpec().endSpec().withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("32Gi"),
                        "pods", new Quantity("110")))
                .endStatus().build();
        for (int i = 0; i < nodes; i++) {
            table.addNode(template, "node-" + i, "");
        }
        PodCompiler compiler = new PodCompiler(table);
        PodTemplateSpec spec = new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withNewSpec()
                .addToContainers(new ContainerBuilder().withName("pause").withImage("registry.k8s.io/pause:3.10")
                        .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"),
                                "memory", new Quantity("500Mi"))).endResources().build())
                .endSpec().build();
        VersionProfile profile = new VersionProfile("1.34+", true, true, true, false, false, true);
        SchedulerConfiguration config = SchedulerConfigurations.defaults(KubernetesVersion.parse("1.35"), profile)
                .withPercentageOfNodesToScore(percentageOfNodesToScore);
        scheduler = new Scheduler(table, config, new RandomStreams(1, 0).stream("scheduler.ties"));
        CompiledPod init = compiler.compile("init", "default", spec, null);
        for (int i = 0; i < INIT_PODS; i++) {
            scheduler.place(init);
        }
        pod = compiler.compile("measured", "default", spec, null);
    }

    @Benchmark
    @OperationsPerInvocation(MEASURED_PODS)
    public void schedulingBasic(Blackhole bh) {
        for (int i = 0; i < MEASURED_PODS; i++) {
            placed[i] = scheduler.place(pod);
        }
        bh.consume(placed);
    }

    /** Forgets the invocation's pods, so the next one starts from the same cluster. */
    @TearDown(Level.Invocation)
    public void forgetMeasuredPods() {
        for (int node : placed) {
            if (node >= 0) {
                table.pods().removePod(pod, node);
            }
        }
    }

    /**
     * Runs rounds outside JMH and prints pods/s by wall clock and by this thread's CPU time (the
     * latter is what to read on a shared, loaded machine). Arguments: nodes, percentageOfNodesToScore.
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        SchedulerThroughputBenchmark b = new SchedulerThroughputBenchmark();
        b.nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        b.percentageOfNodesToScore = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        b.buildCluster();
        for (int round = 0; round < 8; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long sum = 0;
            for (int i = 0; i < MEASURED_PODS; i++) {
                b.placed[i] = b.scheduler.place(b.pod);
                sum += b.placed[i];
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("%d nodes, p=%d: %.0f pods/s wall, %.0f pods/s cpu (checksum %d)%n", b.nodes,
                    b.percentageOfNodesToScore, MEASURED_PODS / wall, MEASURED_PODS / cpu, sum);
            b.forgetMeasuredPods();
        }
    }
}
