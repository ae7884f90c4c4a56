package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.ConfigTree;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases of kube-scheduler's TestNodePorts (pkg/scheduler/framework/plugins/nodeports/node_ports_test.go)
 * on which init containers count (pkg/scheduler/util GetHostPorts): sidecars ({@code restartPolicy: Always})
 * from 1.34 (PR #132040), ordinary init containers never.
 */
class NodePortsUpstreamTest {
    private final TestCluster c = new TestCluster();
    private final int node = c.add("m1", 4000, 8192);

    /** newPod("m1", "TCP/0.0.0.0/8001"): an app container holding host port 8001. */
    private CompiledPod appPod(PodCompiler compiler, String ip, int port) {
        return compiler.compile("existing", "default", new PodTemplateSpecBuilder().withNewMetadata().endMetadata()
                .withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c").withImage("app:1")
                        .addToPorts(new ContainerPortBuilder().withProtocol("TCP").withHostIP(ip).withHostPort(port)
                                .build()).build()).build()).build(), null);
    }

    /** st.MakePod().InitContainerPort(sidecar, {containerPort 8001, hostPort 8001, TCP}). */
    private CompiledPod initContainerPod(PodCompiler compiler, boolean sidecar) {
        ContainerBuilder init = new ContainerBuilder().withName("init").withImage("init:1")
                .addToPorts(new ContainerPortBuilder().withContainerPort(8001).withHostPort(8001).withProtocol("TCP").build());
        if (sidecar) {
            init.withRestartPolicy("Always");
        }
        return compiler.compile("p", "default", new PodTemplateSpecBuilder().withNewMetadata().endMetadata()
                .withSpec(new PodSpecBuilder().addToInitContainers(init.build()).addToContainers(new ContainerBuilder()
                        .withName("c").withImage("app:1").build()).build()).build(), null);
    }

    private String preFilterThenFilter(CompiledPod pod) {
        NodePorts plugin = new NodePorts(c.nodes);
        String pre = plugin.preFilter(pod);
        return pre != null ? pre : plugin.filter(pod, node);
    }

    // upstream: nodeports/node_ports_test.go TestNodePorts "non-sidecar initContainer using hostPort"
    @Test
    void ordinaryInitContainerHostPort_isNotCounted_preFilterSkips() {
        c.nodes.pods().addPod(appPod(c.compiler, "0.0.0.0", 8001), node);
        assertEquals(FilterPlugin.SKIP, preFilterThenFilter(initContainerPod(c.compiler, false)));
    }

    // upstream: nodeports/node_ports_test.go TestNodePorts "TCP hostPort conflict from sidecar initContainer"
    @Test
    void sidecarInitContainerHostPort_conflicts_from134() {
        c.nodes.pods().addPod(appPod(c.compiler, "0.0.0.0", 8001), node);
        assertEquals("node(s) didn't have free ports for the requested pod ports",
                preFilterThenFilter(initContainerPod(c.compiler, true)));
    }

    /** Before PR #132040 (1.34) getContainerPorts read spec.containers only: the sidecar's port is free. */
    @Test
    void sidecarInitContainerHostPort_isIgnoredBefore134() {
        PodCompiler v133 = new PodCompiler(c.nodes, false);
        c.nodes.pods().addPod(appPod(v133, "0.0.0.0", 8001), node);
        assertEquals(FilterPlugin.SKIP, preFilterThenFilter(initContainerPod(v133, true)));
    }

    /** An existing pod's sidecar port is held on the node too (NodeInfo.UsedPorts uses GetHostPorts). */
    @Test
    void existingPodsSidecarPort_blocksAnAppContainerPort() {
        c.nodes.pods().addPod(initContainerPod(c.compiler, true), node);
        assertEquals(NodePorts.REASON, preFilterThenFilter(appPod(c.compiler, "127.0.0.1", 8001)));
        assertNull(preFilterThenFilter(appPod(c.compiler, "127.0.0.1", 8002)));
    }

    @Test
    void schedulerConfiguration_countsSidecarPortsFrom134() {
        assertFalse(ConfigTree.compile(Map.of(), KubernetesVersion.parse("1.33"), TestCluster.V135).sidecarHostPorts());
        assertTrue(ConfigTree.compile(Map.of(), KubernetesVersion.parse("1.34"), TestCluster.V135).sidecarHostPorts());
    }
}
