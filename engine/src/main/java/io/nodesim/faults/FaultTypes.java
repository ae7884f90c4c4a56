package io.nodesim.faults;

import java.util.List;
import java.util.Optional;

/** The fault types a scenario may name: one line per type, in the order users see them listed. */
public final class FaultTypes {
    public static final List<FaultType> ALL = List.of(
            NodeCrash.TYPE,
            KubeletStop.TYPE,
            NetworkPartition.TYPE,
            ZoneOutage.TYPE,
            HeartbeatDelay.TYPE,
            ControlPlaneOutage.TYPE,
            ControllerManagerRestart.TYPE,
            NodeDelete.TYPE,
            OutOfServiceTaint.TYPE,
            NodeDrain.TYPE,
            NodeRecover.TYPE,
            RuntimeDown.TYPE,
            GracefulNodeShutdown.TYPE,
            NodeTerminated.TYPE,
            RandomNodeFailures.TYPE);

    private FaultTypes() {
    }

    public static Optional<FaultType> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The registered type of that name; an unknown name is a bug (the loader checked it). */
    public static FaultType named(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("no fault type " + name));
    }

    public static List<String> names() {
        return ALL.stream().map(FaultType::name).toList();
    }
}
