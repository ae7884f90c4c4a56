package io.nodesim.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The fault types a scenario may name (DESIGN §2), with the fields each accepts besides
 * {@code type}, {@code at} and {@code duration}. The scenario loader validates against this table;
 * the faults package registers one class per entry.
 */
public enum FaultType {
    /** Machine gone: no heartbeats, containers dead. */
    NODE_CRASH("NodeCrash", true),
    /** Heartbeats stop, containers keep running. */
    KUBELET_STOP("KubeletStop", true),
    /** Node cut from the control plane, containers running. */
    NETWORK_PARTITION("NetworkPartition", true),
    /** Every node of a zone crashes ({@code zone} required). */
    ZONE_OUTAGE("ZoneOutage", true),
    /** Lease renewals / status writes of the targets take {@code delay}: the false-positive generator. */
    HEARTBEAT_DELAY("HeartbeatDelay", true, "delay"),
    /** API server / etcd stall: no heartbeat is recorded; controllers run on their caches. */
    CONTROL_PLANE_OUTAGE("ControlPlaneOutage", false),
    /** kube-controller-manager restart or leader failover: node health state rebuilt (spec §1.11). */
    CONTROLLER_MANAGER_RESTART("ControllerManagerRestart", false),
    /** The Node object is deleted (podgc then force-deletes its pods after 40 s). */
    NODE_DELETE("NodeDelete", true),
    /** An operator adds node.kubernetes.io/out-of-service:NoExecute to the targets. */
    OUT_OF_SERVICE_TAINT("OutOfServiceTaint", true),
    /** Ends every fault of the targets early. */
    NODE_RECOVER("NodeRecover", true),
    /** Each target fails after mtbf and comes back after mttr, repeatedly. */
    RANDOM_NODE_FAILURES("RandomNodeFailures", true, "mtbf", "mttr", "failure");

    private final String yamlName;
    private final boolean targetsNodes;
    private final Set<String> extraFields;

    FaultType(String yamlName, boolean targetsNodes, String... extraFields) {
        this.yamlName = yamlName;
        this.targetsNodes = targetsNodes;
        this.extraFields = Set.of(extraFields);
    }

    /** The name used in scenario files ({@code type: NodeCrash}). */
    public String yamlName() {
        return yamlName;
    }

    /** Whether the fault acts on nodes (and so takes nodes / zone / count / percent / selector). */
    public boolean targetsNodes() {
        return targetsNodes;
    }

    /** Type-specific fields. */
    public Set<String> extraFields() {
        return extraFields;
    }

    public static Optional<FaultType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
