package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfile;
import java.util.HashMap;
import java.util.Map;

/** Builds small clusters and pods for scheduler tests: cpu in millicores, memory in MiB. */
public final class TestCluster {
    public static final VersionProfile V135 = new VersionProfile("1.34+", true, true, true, false, false, true);
    public static final VersionProfile V136 = new VersionProfile("1.36", true, true, true, false, true, true);

    public final SchedulerCache nodes = new SchedulerCache();
    public final PodCompiler compiler = new PodCompiler(nodes);

    public static Node node(long cpuMilli, long memMiB, Map<String, String> labels, String... taints) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpuMilli + "m"),
                        "memory", new Quantity(memMiB + "Mi"), "pods", new Quantity("110"))).endStatus();
        b.withNewSpec().endSpec();
        for (String t : taints) {
            String[] kv = t.split("[=:]");
            b.editSpec().addToTaints(new TaintBuilder().withKey(kv[0]).withValue(kv[1]).withEffect(kv[2]).build()).endSpec();
        }
        return b.build();
    }

    public int add(String name, long cpuMilli, long memMiB, String... taints) {
        return nodes.addNode(node(cpuMilli, memMiB, Map.of(), taints), name, "");
    }

    public int addInZone(String name, String zone, long cpuMilli, long memMiB) {
        return nodes.addNode(node(cpuMilli, memMiB, Map.of(), new String[0]), name, zone);
    }

    public static PodTemplateSpec template(long cpuMilli, long memMiB, Map<String, String> labels) {
        Map<String, Quantity> req = new HashMap<>();
        if (cpuMilli > 0) {
            req.put("cpu", new Quantity(cpuMilli + "m"));
        }
        if (memMiB > 0) {
            req.put("memory", new Quantity(memMiB + "Mi"));
        }
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c").withImage("app:1")
                        .withNewResources().withRequests(req).endResources().build()).build())
                .build();
    }

    public CompiledPod pod(String name, long cpuMilli, long memMiB) {
        return compiler.compile(name, "default", template(cpuMilli, memMiB, Map.of()), null);
    }

    /** Places {@code count} pods of a fresh template with these requests on a node. */
    public void place(int node, long cpuMilli, long memMiB, int count) {
        CompiledPod p = pod("existing", cpuMilli, memMiB);
        for (int i = 0; i < count; i++) {
            nodes.pods().addPod(p, node);
        }
    }

    public Scheduler scheduler(VersionProfile profile) {
        return scheduler(profile, Map.of());
    }

    public Scheduler scheduler(VersionProfile profile, Map<String, Object> kubeScheduler) {
        SchedulerConfiguration c = ConfigTree.compile(kubeScheduler, KubernetesVersion.parse(
                profile.balancedAllocationDelta() ? "1.36" : "1.35"), profile);
        return new Scheduler(nodes, c, new RandomStreams(1, 0).stream("scheduler.ties"));
    }
}
