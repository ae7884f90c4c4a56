package io.nodesim.benchmarks;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.admission.PodAdmission;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.StartupConfig;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.SchedulerConfigurations;
import io.nodesim.simulation.ClusterSimulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §6: 100,000 nodes in 3 zones, one zone lost at 10 min, one simulated hour, with a
 * Deployment of 100,000 pods and a DaemonSet (200,000 pods). Single shot: one whole replication per
 * measurement, in a JVM capped at 4 GiB. The teardown prints the kernel events per second and the
 * heap in use after the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class ZoneOutageScaleBenchmark {
    @Param({"100000"})
    public int nodes;

    private Scenario scenario;
    private RunResult last;
    private long started;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = zoneOutage(nodes);
    }

    @Setup(Level.Iteration)
    public void startClock() {
        started = System.nanoTime();
    }

    @Benchmark
    public RunResult oneSimulatedHour() {
        last = ClusterSimulation.run(scenario, 0, false);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - started) / 1e9;
        Runtime rt = Runtime.getRuntime();
        long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf("%n  events fired: %,d (%,.0f events/s); heap in use after the run: %,d MiB; deleted pods: %,d%n",
                last.eventsFired(), last.eventsFired() / seconds, usedMiB,
                last.pods().stream().filter(p -> p.deletedAt() != SimTime.NEVER).count());
    }

    /** The benchmark scenario, built as the YAML loader would build it for Kubernetes 1.35 defaults. */
    public static Scenario zoneOutage(int nodes) {
        DurationDistribution ms5 = DurationDistribution.constant(SimTime.millis(5));
        var latencies = new Latencies(DurationDistribution.uniform(SimTime.millis(10), SimTime.millis(100)),
                DurationDistribution.constant(SimTime.millis(20)), ms5, ms5, ms5, ms5, ms5);
        var kcm = new ControllerManagerConfig(SimTime.seconds(5), SimTime.seconds(50), SimTime.seconds(60), 0.1, 0.01,
                50, 0.55, true, SimTime.MINUTE * 5);
        var pool = new NodeGroup("worker", true, nodes, List.of("a", "b", "c"),
                new NodeBuilder().withNewMetadata().endMetadata().withNewStatus().withAllocatable(Map.of("cpu",
                        new io.fabric8.kubernetes.api.model.Quantity("4"), "memory",
                        new io.fabric8.kubernetes.api.model.Quantity("16Gi"), "pods",
                        new io.fabric8.kubernetes.api.model.Quantity("110"))).endStatus().build());
        var template = new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withNewSpec().endSpec().build();
        var web = new WorkloadSpec("Deployment", "web", "default", nodes, Map.of("app", "web"), template, null);
        var agent = new WorkloadSpec("DaemonSet", "agent", "default", 0, Map.of("app", "agent"), template, null);
        var outage = new FaultSpec("ZoneOutage", SimTime.MINUTE * 10, SimTime.NEVER,
                new FaultTarget(List.of(), "a", Map.of(), null, null));
        var startup = new StartupConfig(new StartupConfig.Model(ms5, ms5), Map.of());
        KubernetesVersion version = KubernetesVersion.parse("1.35");
        ApiServerConfig apiServer = new ApiServerConfig(300, 300);
        VersionProfile profile = new VersionProfile("1.34+", true, true, true, false, false, true);
        return Scenario.builder("zone-outage-scale", version, profile, SchedulerConfigurations.defaults(version, profile))
                .seed(7).duration(SimTime.HOUR).kubelet(new KubeletConfig(SimTime.seconds(10), SimTime.MINUTE * 5, 40))
                .kubeControllerManager(kcm).kubeApiServer(apiServer).latencies(latencies).nodes(List.of(pool))
                .workloads(PodAdmission.admit(List.of(web, agent), apiServer)).startup(startup).faults(List.of(outage))
                .build();
    }
}
