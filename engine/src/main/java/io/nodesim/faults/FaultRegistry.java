package io.nodesim.faults;

import io.nodesim.scenario.FaultType;
import java.util.EnumMap;
import java.util.Map;

/** The one place that maps each {@link FaultType} to its class. */
public final class FaultRegistry {
    private final Map<FaultType, Fault> faults = new EnumMap<>(FaultType.class);

    public FaultRegistry() {
        faults.put(FaultType.NODE_CRASH, new NodeCrash());
        faults.put(FaultType.KUBELET_STOP, new KubeletStop());
        faults.put(FaultType.NETWORK_PARTITION, new NetworkPartition());
        faults.put(FaultType.ZONE_OUTAGE, new ZoneOutage());
        faults.put(FaultType.HEARTBEAT_DELAY, new HeartbeatDelay());
        faults.put(FaultType.CONTROL_PLANE_OUTAGE, new ControlPlaneOutage());
        faults.put(FaultType.CONTROLLER_MANAGER_RESTART, new ControllerManagerRestart());
        faults.put(FaultType.NODE_RECOVER, new NodeRecover());
        faults.put(FaultType.OUT_OF_SERVICE_TAINT, new OutOfServiceTaint());
        faults.put(FaultType.NODE_DELETE, new NodeDelete());
        faults.put(FaultType.RANDOM_NODE_FAILURES, new RandomNodeFailures(this));
    }

    public boolean supports(FaultType type) {
        return faults.containsKey(type);
    }

    public Fault fault(FaultType type) {
        Fault f = faults.get(type);
        if (f == null) {
            throw new IllegalArgumentException("fault type " + type.yamlName() + " is not modelled yet");
        }
        return f;
    }
}
